package com.flashdeal.ordercore.checkout;

import com.flashdeal.ordercore.accept.AcceptedOrderStore;
import com.flashdeal.ordercore.orders.DuplicateOrderException;
import com.flashdeal.ordercore.orders.OrderRecord;
import com.flashdeal.ordercore.orders.OrderStore;
import com.flashdeal.ordercore.settlement.SettlementStore;
import com.flashdeal.servicecore.messaging.Messages.StockDecided;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * order-service's database in memory: orders by key, their settlements, the asynchronous flow's
 * PENDING orders (with the unique rules of the real table).
 */
final class FakeOrders implements OrderStore, SettlementStore, AcceptedOrderStore {
  final Map<String, OrderRecord> byKey = new HashMap<>();
  final Map<UUID, String> settled = new HashMap<>();
  int lookups;

  private static String key(UUID userId, String idempotencyKey) {
    return userId + "/" + idempotencyKey;
  }

  @Override
  public void insert(OrderRecord order, String idempotencyKey) {
    byKey.put(key(order.userId(), idempotencyKey), order);
    settled.put(order.id(), "ORDERED");
  }

  @Override
  public Optional<OrderRecord> findByIdempotencyKey(UUID userId, String key) {
    lookups++;
    return Optional.ofNullable(byKey.get(key(userId, key)));
  }

  @Override
  public Optional<OrderRecord> findForCheckout(UUID userId, String key, long dealId) {
    lookups++;
    OrderRecord mine = byKey.get(key(userId, key));
    if (mine != null) {
      return Optional.of(mine);
    }
    return byKey.values().stream()
        .filter(o -> o.userId().equals(userId) && o.dealId() == dealId)
        .filter(o -> !o.status().equals("REJECTED"))
        .findFirst();
  }

  @Override
  public boolean hasOrderForDeal(UUID userId, long dealId) {
    lookups++;
    return byKey.values().stream().anyMatch(o -> o.userId().equals(userId) && o.dealId() == dealId);
  }

  @Override
  public Optional<OrderRecord> findOwn(UUID id, UUID userId) {
    return byKey.values().stream()
        .filter(o -> o.id().equals(id) && o.userId().equals(userId))
        .findFirst();
  }

  @Override
  public List<OrderRecord> listOwn(UUID userId, int limit, long offset) {
    return byKey.values().stream().filter(o -> o.userId().equals(userId)).toList();
  }

  @Override
  public long countOwn(UUID userId) {
    return listOwn(userId, Integer.MAX_VALUE, 0).size();
  }

  @Override
  public boolean neverRan(RuntimeException failure) {
    return false;
  }

  @Override
  public void insertPending(OrderRecord order, String idempotencyKey) {
    if (byKey.containsKey(key(order.userId(), idempotencyKey))) {
      throw new DuplicateOrderException(new RuntimeException("customer_order_user_key"));
    }
    boolean another =
        byKey.values().stream()
            .anyMatch(
                o ->
                    o.userId().equals(order.userId())
                        && o.dealId() == order.dealId()
                        && !o.status().equals("REJECTED"));
    if (another) {
      throw new DuplicateOrderException(
          new RuntimeException("\"" + DuplicateOrderException.ONE_PER_DEAL + "\""));
    }
    insert(order, idempotencyKey);
  }

  @Override
  public boolean apply(StockDecided decision) {
    return false;
  }

  @Override
  public boolean exists(UUID orderId) {
    return settled.containsKey(orderId);
  }

  @Override
  public int drain(int limit, Publisher publisher) {
    return 0;
  }

  @Override
  public Backlog backlog() {
    return new Backlog(0, 0);
  }

  @Override
  public void abandonUnsettled(Collection<UUID> orderIds) {
    orderIds.forEach(id -> settled.putIfAbsent(id, "ABANDONED"));
  }

  @Override
  public Map<UUID, String> outcomes(Collection<UUID> orderIds) {
    Map<UUID, String> out = new HashMap<>();
    orderIds.forEach(
        id -> {
          if (settled.containsKey(id)) {
            out.put(id, settled.get(id));
          }
        });
    return out;
  }
}
