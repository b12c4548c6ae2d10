package com.flashdeal.servicedefaults;

import com.flashdeal.servicecore.security.AuthServiceTokens;
import com.flashdeal.servicecore.security.JwksKeySource;
import com.flashdeal.servicecore.security.JwtVerifier;
import com.flashdeal.servicecore.security.KeySource;
import com.flashdeal.servicecore.security.ServiceTokens;
import com.flashdeal.servicecore.web.Admission;
import com.flashdeal.servicedefaults.json.StrictJson;
import com.flashdeal.servicedefaults.problem.ProblemAdvice;
import com.flashdeal.servicedefaults.security.BearerTokenFilter;
import com.flashdeal.servicedefaults.security.SecurityProperties;
import com.flashdeal.servicedefaults.security.ServiceClientProperties;
import com.flashdeal.servicedefaults.validation.CodePointSizeValidator;
import com.flashdeal.servicedefaults.warmup.WarmUp;
import com.flashdeal.servicedefaults.warmup.WarmUpKey;
import com.flashdeal.servicedefaults.warmup.WarmUpPlan;
import com.flashdeal.servicedefaults.warmup.WarmUpProperties;
import com.flashdeal.servicedefaults.web.AdmissionFilter;
import com.flashdeal.servicedefaults.web.BodySizeLimitFilter;
import com.flashdeal.servicedefaults.web.HttpProperties;
import com.flashdeal.servicedefaults.web.InternalConnector;
import com.flashdeal.servicedefaults.web.InternalPortFilter;
import com.flashdeal.servicedefaults.web.QueryParametersFilter;
import com.flashdeal.servicedefaults.web.RequestIdFilter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Wires the shared defaults into every service; each bean backs off when the application defines
 * its own.
 */
@AutoConfiguration
@EnableConfigurationProperties({
  SecurityProperties.class,
  HttpProperties.class,
  ServiceClientProperties.class,
  WarmUpProperties.class
})
public class ServiceDefaultsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  @ConditionalOnMissingBean
  KeySource keySource(SecurityProperties security, Clock clock) {
    if (security.jwksUri() == null) {
      throw new IllegalStateException(
          "flashdeal.security.jwks-uri (FLASHDEAL_SECURITY_JWKSURI) is required: where auth-service publishes its keys");
    }
    return new JwksKeySource(
        security.jwksUri(), security.jwksTtl(), security.jwksMinRefresh(), clock);
  }

  @Bean
  @ConditionalOnMissingBean
  JwtVerifier jwtVerifier(
      KeySource keys, WarmUpKey warmUpKey, SecurityProperties security, Clock clock) {
    return new JwtVerifier(
        warmUpKey.over(keys), security.issuer(), security.audience(), security.clockSkew(), clock);
  }

  @Bean
  WarmUpKey warmUpKey() {
    return new WarmUpKey();
  }

  /** Ready means warm: the service's hot paths, compiled before it reports ready. */
  @Bean
  @ConditionalOnWebApplication
  WarmUp warmUp(
      WarmUpProperties properties,
      ObjectProvider<WarmUpPlan> plans,
      WarmUpKey key,
      SecurityProperties security,
      HttpProperties http,
      org.springframework.core.env.Environment environment,
      org.springframework.context.ApplicationContext context) {
    String address = environment.getProperty("server.address", "");
    String host =
        address.isBlank() || address.equals("0.0.0.0") || address.equals("::")
            ? "127.0.0.1"
            : address.contains(":") ? "[" + address + "]" : address;
    return new WarmUp(
        properties,
        plans.orderedStream().toList(),
        key,
        security,
        http.internalPort(),
        host,
        context);
  }

  /** JSON types as the contracts state them, no coercion (see {@link StrictJson}). */
  @Bean
  JsonMapperBuilderCustomizer strictJsonTypes() {
    return StrictJson::apply;
  }

  /**
   * {@code @Size} on text counts characters as the contracts do (see {@link
   * CodePointSizeValidator}).
   */
  @Bean
  ValidationConfigurationCustomizer sizeCountsCharacters() {
    return configuration -> {
      if (configuration instanceof HibernateValidatorConfiguration hibernate) {
        ConstraintMapping mapping = hibernate.createConstraintMapping();
        mapping
            .constraintDefinition(Size.class)
            .includeExistingValidators(true)
            .validatedBy(CodePointSizeValidator.class);
        hibernate.addMapping(mapping);
      }
    };
  }

  @Bean
  @ConditionalOnMissingBean
  ServiceTokens serviceTokens(ServiceClientProperties config, Clock clock) {
    return new AuthServiceTokens(config.client(), clock);
  }

  /** Servlet services only; the reactive gateway has its own filters around the same verifier. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  static class ServletDefaults {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
      FilterRegistrationBean<RequestIdFilter> bean =
          new FilterRegistrationBean<>(new RequestIdFilter());
      bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
      return bean;
    }

    /** Each API on its own port when an internal port is set (see {@link InternalPortFilter}). */
    @Bean
    FilterRegistrationBean<InternalPortFilter> internalPortFilter(HttpProperties http) {
      FilterRegistrationBean<InternalPortFilter> bean =
          new FilterRegistrationBean<>(new InternalPortFilter(http.internalPort()));
      bean.setEnabled(http.internalPort() > 0);
      bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
      return bean;
    }

    @Bean
    @ConditionalOnClass(name = "org.springframework.boot.tomcat.TomcatWebServerFactory")
    WebServerFactoryCustomizer<?> internalConnector(HttpProperties http) {
      return http.internalPort() > 0 ? new InternalConnector(http.internalPort()) : factory -> {};
    }

    @Bean
    FilterRegistrationBean<AdmissionFilter> admissionFilter(
        HttpProperties http, ObjectProvider<MeterRegistry> meters) {
      AdmissionFilter filter =
          new AdmissionFilter(
              new Admission(
                  http.maxConcurrent(),
                  http.admissionWait(),
                  http.retryAfterSeconds(),
                  http.unlimitedPaths()));
      meters.ifAvailable(
          registry -> {
            FunctionCounter.builder("flashdeal.http.shed", filter, AdmissionFilter::shed)
                .description("Requests answered 503 OVERLOADED by the admission limit")
                .register(registry);
            Gauge.builder("flashdeal.http.in.flight", filter, AdmissionFilter::inFlight)
                .description("Requests holding an admission slot")
                .register(registry);
          });
      FilterRegistrationBean<AdmissionFilter> bean = new FilterRegistrationBean<>(filter);
      bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
      return bean;
    }

    @Bean
    FilterRegistrationBean<QueryParametersFilter> queryParametersFilter() {
      FilterRegistrationBean<QueryParametersFilter> bean =
          new FilterRegistrationBean<>(new QueryParametersFilter());
      bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
      return bean;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(HttpProperties http) {
      FilterRegistrationBean<BodySizeLimitFilter> bean =
          new FilterRegistrationBean<>(new BodySizeLimitFilter(http.maxBodyBytes()));
      bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
      return bean;
    }

    @Bean
    FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(
        JwtVerifier verifier, SecurityProperties security) {
      FilterRegistrationBean<BearerTokenFilter> bean =
          new FilterRegistrationBean<>(new BearerTokenFilter(verifier, security.publicPaths()));
      bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
      return bean;
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemAdvice problemAdvice(HttpProperties http) {
      return new ProblemAdvice(http.retryAfterSeconds());
    }
  }
}
