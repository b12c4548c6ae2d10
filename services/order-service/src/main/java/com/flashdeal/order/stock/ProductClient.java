package com.flashdeal.order.stock;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.contract.product.model.Reservation;
import com.flashdeal.contract.product.model.ReserveRequest;
import com.flashdeal.order.OrderProperties;
import com.flashdeal.servicedefaults.problem.ApiException;
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
 * Calls product-service's internal reservation API with the caller's token (product-service
 * verifies it again). One JDK HttpClient for the whole service: it pools connections; timeouts come
 * from configuration.
 */
@Component
public class ProductClient {
  private static final Logger log = LoggerFactory.getLogger(ProductClient.class);

  private final HttpClient http;
  private final OrderProperties.ProductService config;
  private final ObjectMapper json;

  ProductClient(OrderProperties properties, ObjectMapper json) {
    this.config = properties.productService();
    this.json = json;
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
  public Reservation reserve(long dealId, UUID orderId, UUID userId, int quantity, String token) {
    ReserveRequest body = new ReserveRequest(orderId, userId, quantity);
    HttpRequest request =
        HttpRequest.newBuilder(uri("/internal/deals/" + dealId + "/reservations"))
            .timeout(config.readTimeout())
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
            .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
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

  private static Reservation rethrowConflict(ErrorCode code, String detail) {
    if (code == ErrorCode.RESERVATION_CONFLICT) {
      throw new IllegalStateException("order id collision at product-service: " + detail);
    }
    throw ApiException.conflict(code, detail);
  }

  /** Compensation: give the units back. Never throws; a failure is logged for reconciliation. */
  public void release(UUID orderId, String token) {
    HttpRequest request =
        HttpRequest.newBuilder(uri("/internal/reservations/" + orderId))
            .timeout(config.readTimeout())
            .header("Authorization", "Bearer " + token)
            .DELETE()
            .build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status != 200 && status != 404) {
        log.error(
            "RECONCILE: release of order {} answered {}; its units may be held", orderId, status);
      }
    } catch (IOException e) {
      log.error(
          "RECONCILE: release of order {} failed ({}); its units may be held",
          orderId,
          e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.error("RECONCILE: release of order {} interrupted; its units may be held", orderId);
    }
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
