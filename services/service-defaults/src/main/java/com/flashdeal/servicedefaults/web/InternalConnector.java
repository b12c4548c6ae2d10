package com.flashdeal.servicedefaults.web;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.ProtocolHandler;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Opens the internal API's port ({@code flashdeal.http.internal-port}) as a second Tomcat
 * connector, set up like the main one: the reservations order-service sends at sale speed arrive
 * here, so they get the same virtual-thread executor and header limits. Runs last, when Spring
 * Boot's own customizers have registered theirs on the factory.
 */
public class InternalConnector
    implements WebServerFactoryCustomizer<TomcatWebServerFactory>, Ordered {
  private final int port;

  public InternalConnector(int port) {
    this.port = port;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void customize(TomcatWebServerFactory factory) {
    Connector connector = new Connector(TomcatWebServerFactory.DEFAULT_PROTOCOL);
    connector.setPort(port);
    connector.setThrowOnFailure(true);
    if (factory.getAddress() != null) {
      connector.setProperty("address", factory.getAddress().getHostAddress());
    }
    factory.getConnectorCustomizers().forEach(c -> c.customize(connector));
    ProtocolHandler handler = connector.getProtocolHandler();
    for (TomcatProtocolHandlerCustomizer customizer : factory.getProtocolHandlerCustomizers()) {
      customizer.customize(handler);
    }
    factory.addAdditionalConnectors(connector);
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
