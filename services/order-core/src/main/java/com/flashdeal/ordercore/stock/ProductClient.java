package com.flashdeal.ordercore.stock;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.contract.common.model.Problem;
import com.flashdeal.contract.product.client.ApiClient;
import com.flashdeal.contract.product.client.api.DealsApi;
import com.flashdeal.contract.product.client.api.ReservationsApi;
import com.flashdeal.contract.product.model.Deal;
import com.flashdeal.contract.product.model.Reservation;
import com.flashdeal.contract.product.model.ReserveRequest;
import com.flashdeal.servicecore.problem.ApiException;
import com.flashdeal.servicecore.security.AuthServiceTokens;
import com.flashdeal.servicecore.security.ServiceClient;
import com.flashdeal.servicecore.security.ServiceTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * Calls product-service's internal reservation API as order-service (its service token) on behalf
 * of the user ordering (their own token in {@code X-End-User-Token}; product-service checks both).
 * The client is generated from {@code api-spec/product-service.v1.yaml} (openapi-generator, Java
 * HttpClient); this class only maps its outcomes onto the order's: refusals keep their contract
 * code, an unreachable or overloaded product-service is 503, no answer in time is "unknown".
 */
public class ProductClient implements StockReservations, StockAdmission {
  private static final Logger log = LoggerFactory.getLogger(ProductClient.class);

  private final ReservationsApi reservations;
  private final DealsApi deals;
  private final ObjectMapper json;
  private final ServiceTokens serviceTokens;

  public ProductClient(
      ProductServiceSettings config, ServiceTokens serviceTokens, ServiceClient client) {
    if (serviceTokens instanceof AuthServiceTokens) {
      AuthServiceTokens.requireConfigured(client, "product-service's reservations");
    }
    this.serviceTokens = serviceTokens;
    // One JDK HttpClient per base URL for the whole service: it pools connections.
    ApiClient api = apiClient(config, config.url());
    this.json = api.getObjectMapper();
    this.reservations = new ReservationsApi(api);
    this.deals = new DealsApi(apiClient(config, config.publicUrl()));
  }

  private static ApiClient apiClient(ProductServiceSettings config, URI baseUrl) {
    ApiClient api =
        new ApiClient()
            .setHttpClientBuilder(
                HttpClient.newBuilder()
                    .connectTimeout(config.connectTimeout())
                    .version(HttpClient.Version.HTTP_1_1))
            .setReadTimeout(config.readTimeout());
    api.updateBaseUri(baseUrl.toString().replaceAll("/+$", ""));
    return api;
  }

  /**
   * A deal as its buyer sees it (the asynchronous flow reads its terms: product, price, window,
   * per-user limit), with the buyer's own token.
   *
   * @throws ApiException 404 for an unknown deal, 503 when product-service cannot answer
   */
  @Override
  public Deal deal(long dealId, String endUserToken) {
    try {
      return deals.getDeal(dealId, Map.of("Authorization", "Bearer " + endUserToken));
    } catch (com.flashdeal.contract.product.client.ApiException e) {
      if (e.getCode() == 404) {
        throw ApiException.notFound("No deal with id " + dealId + ".");
      }
      throw unavailable(e);
    }
  }

  /** Thrown when product-service did not answer in time: the reservation may or may not exist. */
  public static final class ReserveTimedOut extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReserveTimedOut(Throwable cause) {
      super(cause);
    }
  }

  /**
   * product-service holds a reservation for this order id made with another request (deal, user or
   * quantity): order ids come from the buyer's Idempotency-Key, so the key was used for another
   * order.
   */
  public static final class ReservedForAnotherRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReservedForAnotherRequest(String detail) {
      super(detail);
    }
  }

  /**
   * @throws ApiException with the contract's code for refusals (409
   *     SOLD_OUT/LIMIT_EXCEEDED/DEAL_NOT_ACTIVE, 404) and 503 when product-service cannot be
   *     reached (nothing reserved)
   * @throws ReserveTimedOut when no answer came in time
   * @throws ReservedForAnotherRequest when this order id was reserved for another request
   */
  @Override
  public Reservation reserve(
      long dealId, UUID orderId, UUID userId, int quantity, String endUserToken) {
    ReserveRequest request = new ReserveRequest(orderId, userId, quantity);
    try {
      // Repeated once on a stale service token: the reservation is idempotent by order id, so the
      // repeat cannot take units twice.
      return asOrderService(
          headers -> reservations.reserveStock(dealId, endUserToken, request, headers));
    } catch (ServiceTokens.ServiceTokenUnavailableException e) {
      throw unavailable(e);
    } catch (com.flashdeal.contract.product.client.ApiException e) {
      if (e.getCode() == 0) {
        if (noAnswerInTime(e)) {
          throw new ReserveTimedOut(e);
        }
        throw unavailable(e);
      }
      return refused(e);
    }
  }

  /**
   * Phase 5 ({@code phase5-async-redis}): asks product-service's stock gate to hold the units for
   * this order id before the order is accepted, so that a sold-out deal is refused at once.
   * Idempotent by order id, and repeated once on a stale service token like {@link #reserve}.
   *
   * @throws ApiException with the contract's code for refusals (409
   *     SOLD_OUT/LIMIT_EXCEEDED/DEAL_NOT_ACTIVE, 404) and 503 when product-service cannot answer
   *     (in time or at all: units it may have held go back after its hold)
   * @throws ReservedForAnotherRequest when this order id was admitted for another request
   */
  @Override
  public void admit(long dealId, UUID orderId, UUID userId, int quantity, String endUserToken) {
    ReserveRequest request = new ReserveRequest(orderId, userId, quantity);
    try {
      asOrderService(
          headers -> {
            reservations.admitOrder(dealId, endUserToken, request, headers);
            return null;
          });
    } catch (ServiceTokens.ServiceTokenUnavailableException e) {
      throw unavailable(e);
    } catch (com.flashdeal.contract.product.client.ApiException e) {
      if (e.getCode() == 0) {
        if (noAnswerInTime(e)) {
          // Units it may have held for this order id go back after product-service's hold.
          throw new ApiException(
              503,
              ErrorCode.UPSTREAM_UNAVAILABLE,
              "product-service did not answer in time; nothing was ordered, try again shortly.");
        }
        throw unavailable(e);
      }
      refused(e);
    }
  }

  /** Connected, but no answer by the read timeout: what it did is unknown. */
  private static boolean noAnswerInTime(com.flashdeal.contract.product.client.ApiException e) {
    return e.getCause() instanceof HttpTimeoutException
        && !(e.getCause() instanceof HttpConnectTimeoutException);
  }

  private Reservation refused(com.flashdeal.contract.product.client.ApiException e) {
    int status = e.getCode();
    Problem problem = problem(e.getResponseBody());
    String detail =
        problem.getDetail() != null
            ? problem.getDetail()
            : "product-service refused the reservation";
    if (status == 409) {
      ErrorCode code = problem.getCode() != null ? problem.getCode() : ErrorCode.SOLD_OUT;
      if (code == ErrorCode.RESERVATION_CONFLICT) {
        throw new ReservedForAnotherRequest(detail);
      }
      throw ApiException.conflict(code, detail);
    }
    if (status == 404) {
      throw ApiException.notFound(detail);
    }
    if (status >= 500) {
      // 503 OVERLOADED (shed, or no connection) and 500 alike: its transaction rolled back, so
      // nothing was reserved; the client may retry after Retry-After.
      throw new ApiException(
          503,
          ErrorCode.UPSTREAM_UNAVAILABLE,
          status == 503
              ? "product-service is at capacity; nothing was ordered, try again shortly."
              : "product-service failed; nothing was ordered, try again shortly.");
    }
    // 400/401/403/413/415 would be our bug, not the client's.
    throw new IllegalStateException(
        "product-service answered " + status + " to a reservation: " + detail);
  }

  /**
   * Compensation: give the units back. Never throws; a failure is logged, and product-service's
   * reaper gives the units back anyway once the reservation has expired (it asks this service
   * whether the order exists first).
   */
  @Override
  public void release(UUID orderId) {
    try {
      asOrderService(headers -> reservations.releaseReservation(orderId, headers));
    } catch (com.flashdeal.contract.product.client.ApiException e) {
      if (e.getCode() != 404) {
        log.warn(
            "release of order {} failed ({}); the reaper will give its units back",
            orderId,
            e.getCode() == 0 ? e.getCause() : "status " + e.getCode());
      }
    } catch (ServiceTokens.ServiceTokenUnavailableException e) {
      log.warn(
          "release of order {} failed ({}); the reaper will give its units back",
          orderId,
          e.toString());
    }
  }

  /** One call to product-service's internal API. */
  @FunctionalInterface
  private interface InternalCall<T> {
    T send(Map<String, String> headers) throws com.flashdeal.contract.product.client.ApiException;
  }

  /**
   * Sends {@code call} with this service's token; a 401 means the cached token went stale (a
   * rotated signing key), so it is renewed and the call sent once more (idempotent calls only).
   */
  private <T> T asOrderService(InternalCall<T> call)
      throws com.flashdeal.contract.product.client.ApiException {
    try {
      return call.send(bearer());
    } catch (com.flashdeal.contract.product.client.ApiException e) {
      if (e.getCode() != 401) {
        throw e;
      }
      serviceTokens.invalidate();
      return call.send(bearer());
    }
  }

  private Map<String, String> bearer() {
    return Map.of("Authorization", "Bearer " + serviceTokens.token());
  }

  /** The contract's problem body, or an empty one when the body is not one (a proxy's page). */
  private Problem problem(String body) {
    if (body == null || body.isBlank()) {
      return new Problem();
    }
    try {
      return json.readValue(body, Problem.class);
    } catch (RuntimeException e) {
      return new Problem();
    }
  }

  private static ApiException unavailable(Exception e) {
    log.warn("product-service unreachable: {}", e.getCause() != null ? e.getCause() : e);
    return new ApiException(
        503,
        ErrorCode.UPSTREAM_UNAVAILABLE,
        "product-service is not reachable; try again shortly.");
  }
}
