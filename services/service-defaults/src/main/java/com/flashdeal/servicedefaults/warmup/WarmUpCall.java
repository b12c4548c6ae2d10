package com.flashdeal.servicedefaults.warmup;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One hot path of a service, as a request it sends to itself. It must leave nothing behind: the
 * warm-up's calls ask for a deal that does not exist, or are refused before any write.
 */
public interface WarmUpCall {

  /** The request, built for the caller of this call (a fresh buyer every few calls). */
  HttpRequest request(Caller caller);

  /** A buyer's GET on the main port, of a path made anew for each call. */
  static WarmUpCall buyerGet(Supplier<String> path) {
    return caller ->
        HttpRequest.newBuilder(caller.publicUri(path.get()))
            .header("Authorization", "Bearer " + caller.userToken())
            .GET()
            .build();
  }

  /** Who a warm-up call is sent as, and where. */
  interface Caller {
    /** This service's main port. */
    URI publicUri(String path);

    /** The internal API's port ({@code flashdeal.http.internal-port}), or the main one. */
    URI internalUri(String path);

    /** The buyer this call is made for. */
    UUID userId();

    /** That buyer's access token (signed by the {@link WarmUpKey}). */
    String userToken();

    /** A service token of {@code clientId} (signed by the {@link WarmUpKey}). */
    String serviceToken(String clientId);
  }
}
