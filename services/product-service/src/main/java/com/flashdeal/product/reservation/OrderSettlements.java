package com.flashdeal.product.reservation;

import com.flashdeal.contract.order.model.SettleRequest;
import com.flashdeal.contract.order.model.SettleResponse;
import com.flashdeal.contract.order.model.Settlement;
import com.flashdeal.product.ProductProperties;
import com.flashdeal.servicecore.security.ServiceTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.ObjectMapper;

/**
 * order-service's settlement operation, called as product-service (its service token): the owner of
 * orders decides, for good, whether an order id became an order.
 */
public class OrderSettlements {
  private final ProductProperties.Reaper config;
  private final ServiceTokens tokens;
  private final ObjectMapper json;
  private final HttpClient http;

  public OrderSettlements(
      ProductProperties.Reaper config, ServiceTokens tokens, ObjectMapper json) {
    this.config = config;
    this.tokens = tokens;
    this.json = json;
    this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
  }

  /** Thrown when order-service gives no answer: nothing may be released then. */
  public static final class Unanswered extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unanswered(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The outcome of every id, {@code ORDERED} or {@code ABANDONED}. */
  public Map<UUID, Settlement.OutcomeEnum> settle(Collection<UUID> orderIds) {
    byte[] body = json.writeValueAsBytes(new SettleRequest(new LinkedHashSet<>(orderIds)));
    try {
      HttpResponse<byte[]> response =
          tokens.send(http, token -> request(body, token), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new Unanswered("order-service answered " + response.statusCode(), null);
      }
      Map<UUID, Settlement.OutcomeEnum> outcomes = new LinkedHashMap<>();
      for (Settlement s : json.readValue(response.body(), SettleResponse.class).getSettlements()) {
        outcomes.put(s.getOrderId(), s.getOutcome());
      }
      return outcomes;
    } catch (IOException | ServiceTokens.ServiceTokenUnavailableException e) {
      throw new Unanswered("order-service unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unanswered("interrupted", e);
    }
  }

  private HttpRequest request(byte[] body, String serviceToken) {
    URI uri =
        URI.create(
            config.orderServiceUrl().toString().replaceAll("/+$", "")
                + "/internal/order-settlements");
    return HttpRequest.newBuilder(uri)
        .timeout(config.timeout())
        .header("Authorization", "Bearer " + serviceToken)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }
}
