package com.flashdeal.order.stock;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.contract.product.model.Reservation;
import com.flashdeal.contract.product.model.ReserveRequest;
import com.flashdeal.order.OrderProperties;
import com.flashdeal.servicedefaults.problem.ApiException;
import com.flashdeal.servicedefaults.security.AuthServiceTokens;
import com.flashdeal.servicedefaults.security.ServiceClientProperties;
import com.flashdeal.servicedefaults.security.ServiceTokens;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Calls product-service's internal reservation API as order-service (its service token) on behalf
 * of the user ordering (their own token in {@code X-End-User-Token}; product-service checks both).
 * One JDK HttpClient for the whole service: it pools connections; timeouts come from configuration.
 */
@Component
public class ProductClient {
  private static final Logger log = LoggerFactory.getLogger(ProductClient.class);

  private final HttpClient http;
  private final OrderProperties.ProductService config;
  private final ObjectMapper json;
  private final ServiceTokens serviceTokens;

  ProductClient(
      OrderProperties properties,
      ObjectMapper json,
      ServiceTokens serviceTokens,
      ServiceClientProperties client) {
    if (serviceTokens instanceof AuthServiceTokens) {
      AuthServiceTokens.requireConfigured(client, "product-service's reservations");
    }
    this.config = properties.productService();
    this.json = json;
    this.serviceTokens = serviceTokens;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** Thrown when product-service did not answer in time: the reservation may or may not exist. */
  public static final class ReserveTimedOut extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReserveTimedOut(Throwable cause) {
      super(cause);
    }
  }

  /**
   * @throws ApiException with the contract's code for refusals (409
   *     SOLD_OUT/LIMIT_EXCEEDED/DEAL_NOT_ACTIVE, 404) and 503 when product-service cannot be
   *     reached (nothing reserved)
   * @throws ReserveTimedOut when no answer came in time
   */
  public Reservation reserve(
      long dealId, UUID orderId, UUID userId, int quantity, String endUserToken) {
    byte[] body = json.writeValueAsBytes(new ReserveRequest(orderId, userId, quantity));
    HttpResponse<byte[]> response;
    try {
      // Repeated once on a stale service token: the reservation is idempotent by order id, so the
      // repeat cannot take units twice.
      response =
          serviceTokens.send(
              http,
              token -> reserveRequest(dealId, endUserToken, body, token),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (ServiceTokens.ServiceTokenUnavailableException e) {
      throw unavailable(e);
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw unavailable(e);
    } catch (HttpTimeoutException e) {
      throw new ReserveTimedOut(e);
    } catch (IOException e) {
      throw unavailable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(e);
    }
    int status = response.statusCode();
    if (status == 200 || status == 201) {
      return json.readValue(response.body(), Reservation.class);
    }
    JsonNode problem = readProblem(response.body());
    String detail = problem.path("detail").asString("product-service refused the reservation");
    if (status == 409) {
      ErrorCode code =
          ErrorCode.fromValue(problem.path("code").asString(ErrorCode.SOLD_OUT.getValue()));
      return rethrowConflict(code, detail);
    }
    if (status == 404) {
      throw ApiException.notFound(detail);
    }
    if (status >= 500) {
      // 503 OVERLOADED (shed, or no connection) and 500 alike: its transaction rolled back, so
      // nothing was reserved; the client may retry after Retry-After.
      throw new ApiException(
          HttpStatus.SERVICE_UNAVAILABLE,
          ErrorCode.UPSTREAM_UNAVAILABLE,
          status == 503
              ? "product-service is at capacity; nothing was ordered, try again shortly."
              : "product-service failed; nothing was ordered, try again shortly.");
    }
    // 400/401/413/415 would be our bug, not the client's.
    throw new IllegalStateException(
        "product-service answered " + status + " to a reservation: " + detail);
  }

  private HttpRequest reserveRequest(
      long dealId, String endUserToken, byte[] body, String serviceToken) {
    return HttpRequest.newBuilder(uri("/internal/deals/" + dealId + "/reservations"))
        .timeout(config.readTimeout())
        .header("Authorization", "Bearer " + serviceToken)
        .header("X-End-User-Token", endUserToken)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  private static Reservation rethrowConflict(ErrorCode code, String detail) {
    if (code == ErrorCode.RESERVATION_CONFLICT) {
      throw new IllegalStateException("order id collision at product-service: " + detail);
    }
    throw ApiException.conflict(code, detail);
  }

  /**
   * Compensation: give the units back. Never throws; a failure is logged, and product-service's
   * reaper gives the units back anyway once the reservation has expired (it asks this service
   * whether the order exists first).
   */
  public void release(UUID orderId) {
    try {
      int status =
          serviceTokens
              .send(
                  http,
                  token -> releaseRequest(orderId, token),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode();
      if (status != 200 && status != 404) {
        log.warn(
            "release of order {} answered {}; the reaper will give its units back",
            orderId,
            status);
      }
    } catch (IOException | ServiceTokens.ServiceTokenUnavailableException e) {
      log.warn(
          "release of order {} failed ({}); the reaper will give its units back",
          orderId,
          e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.warn("release of order {} interrupted; the reaper will give its units back", orderId);
    }
  }

  private HttpRequest releaseRequest(UUID orderId, String serviceToken) {
    return HttpRequest.newBuilder(uri("/internal/reservations/" + orderId))
        .timeout(config.readTimeout())
        .header("Authorization", "Bearer " + serviceToken)
        .DELETE()
        .build();
  }

  private URI uri(String path) {
    return URI.create(config.url().toString().replaceAll("/+$", "") + path);
  }

  private JsonNode readProblem(byte[] body) {
    try {
      return json.readTree(body);
    } catch (RuntimeException e) {
      return json.createObjectNode();
    }
  }

  private static ApiException unavailable(Exception e) {
    log.warn("product-service unreachable: {}", e.toString());
    return new ApiException(
        HttpStatus.SERVICE_UNAVAILABLE,
        ErrorCode.UPSTREAM_UNAVAILABLE,
        "product-service is not reachable; try again shortly.");
  }
}
