package com.flashdeal.harness.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flashdeal.harness.HarnessException;
import com.flashdeal.harness.platform.Platform;
import com.flashdeal.harness.sql.VolumeSql;
import com.flashdeal.harness.sql.order.OrdersSql;
import com.flashdeal.harness.sql.product.CatalogSql;
import com.flashdeal.harness.sql.product.DealsSql;
import com.flashdeal.harness.sql.product.ReservationsSql;
import com.flashdeal.harness.sql.product.StockSql;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The index study: seeds a shop's worth of history into product-service's and order-service's
 * databases, then plans the hot statements — the services' own, from their {@code .sql} files —
 * with EXPLAIN (ANALYZE, BUFFERS), once with the index that serves them and once without it. The
 * "without" side drops the index inside a transaction that is rolled back: the schema is never
 * changed, and every index of the migrations has to earn its place with a plan.
 */
public final class IndexStudy {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Executions per statement and side; the median counts (one more before them warms the cache).
   * The cheap statements take 0.01–0.1 ms, where one run's noise is as large as an index's effect.
   */
  public static final int EXECUTIONS = 15;

  /**
   * @param products catalogue size
   * @param deals deals, one per product from the first; most ended
   * @param activeEvery one deal in this many is open now (and one more starts later)
   * @param users distinct buyers of the history
   * @param orders past reservations (and, but for one in fifty given back, orders)
   */
  public record Sizes(int products, int deals, int activeEvery, int users, int orders) {
    /**
     * The history of {@code orders} past orders: 10 per user, 200 per deal, two deals a product.
     */
    public static Sizes of(int orders) {
      int deals = Math.max(100, orders / 200);
      return new Sizes(deals * 2, deals, 100, Math.max(1, orders / 10), orders);
    }

    public Sizes {
      if (deals > products || orders / Math.max(1, users) > deals || activeEvery < 3) {
        throw new HarnessException(
            "volume: need deals <= products, orders / users <= deals (one order per user and deal)"
                + " and activeEvery >= 3");
      }
    }
  }

  /**
   * One statement as planned and run.
   *
   * @param executionMs median execution time reported by EXPLAIN ANALYZE
   * @param shape the plan's nodes, outermost first (scan type, index, table)
   * @param buffers shared buffers hit + read by the median run
   */
  public record Plan(double executionMs, double planningMs, String shape, long buffers) {}

  /**
   * @param index the index under study; empty for a statement whose only index is its key
   * @param query the statement's name in its .sql file
   * @param without planned with the index dropped (null when nothing was dropped)
   */
  public record Row(String service, String index, String query, Plan without, Plan with) {
    /** How many times faster with the index; NaN when nothing was dropped. */
    public double speedUp() {
      return without == null
          ? Double.NaN
          : without.executionMs() / Math.max(with.executionMs(), 1e-3);
    }
  }

  public record Result(Sizes sizes, double seedSeconds, Map<String, Long> seeded, List<Row> rows) {}

  private record Query(String name, String sql, Map<String, Object> params) {}

  /** An index of the migrations, how to take it away for a moment, and what it is there for. */
  private record Experiment(String service, String index, String drop, List<Query> queries) {}

  private final Map<String, Platform.Database> databases;
  private final Consumer<String> progress;

  public IndexStudy(Map<String, Platform.Database> databases, Consumer<String> progress) {
    this.databases = databases;
    this.progress = progress;
  }

  public Result run(Sizes sizes, Path dir) {
    long t0 = System.nanoTime();
    Map<String, Long> seeded = seed(sizes);
    double seedSeconds = (System.nanoTime() - t0) / 1e9;
    progress.accept("explain: volume seeded in %.0f s: %s".formatted(seedSeconds, seeded));
    List<Row> rows = new ArrayList<>();
    for (Experiment e : experiments(sizes)) {
      for (Query q : e.queries()) {
        Plan with = explain(e.service(), e.index(), null, q, dir);
        Plan without = e.drop() == null ? null : explain(e.service(), e.index(), e.drop(), q, dir);
        Row row = new Row(e.service(), e.index(), q.name(), without, with);
        rows.add(row);
        progress.accept(
            "explain: %s %s: %.3f ms with %s%s"
                .formatted(
                    e.service(),
                    q.name(),
                    with.executionMs(),
                    e.index().isEmpty() ? "its key" : e.index(),
                    without == null
                        ? ""
                        : ", %.3f ms without (%s)"
                            .formatted(without.executionMs(), without.shape())));
      }
    }
    return new Result(sizes, seedSeconds, seeded, rows);
  }

  private Map<String, Long> seed(Sizes s) {
    Map<String, Long> out = new java.util.LinkedHashMap<>();
    JdbcClient product = client("product");
    progress.accept(
        "explain: seeding %,d products, %,d deals, %,d reservations and orders of %,d users"
            .formatted(s.products(), s.deals(), s.orders(), s.users()));
    out.put(
        "product",
        (long) product.sql(VolumeSql.SEED_PRODUCTS).param("products", s.products()).update());
    out.put(
        "deal",
        (long)
            product
                .sql(VolumeSql.SEED_DEALS)
                .param("deals", s.deals())
                .param("activeEvery", s.activeEvery())
                .update());
    out.put(
        "reservation",
        (long)
            product
                .sql(VolumeSql.SEED_RESERVATIONS)
                .param("orders", s.orders())
                .param("users", s.users())
                .param("deals", s.deals())
                .update());
    out.put("deal_purchase", (long) product.sql(VolumeSql.SEED_PURCHASES).update());
    Map<String, Object> first = product.sql(VolumeSql.FIRST_VOLUME_DEAL).query().singleRow();
    out.put(
        "customer_order",
        (long)
            client("order")
                .sql(VolumeSql.SEED_ORDERS)
                .param("orders", s.orders())
                .param("users", s.users())
                .param("deals", s.deals())
                .param("firstDeal", first.get("deal_id"))
                .param("firstProduct", first.get("product_id"))
                .update());
    // Fresh statistics, as autovacuum would have them on a shop this old.
    analyze("product", "product", "deal", "deal_purchase", "reservation");
    analyze("order", "customer_order", "order_settlement");
    return out;
  }

  private List<Experiment> experiments(Sizes s) {
    Map<String, Object> first =
        client("product").sql(VolumeSql.FIRST_VOLUME_DEAL).query().singleRow();
    long firstDeal = ((Number) first.get("deal_id")).longValue();
    long firstProduct = ((Number) first.get("product_id")).longValue();
    // Deal k = 0 is open now (k % activeEvery == 0); deal 42's history is as long as any other's.
    long activeDeal = firstDeal;
    long pastDeal = firstDeal + 42;
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    // Past order i = 4242 belongs to user 4242 (not one in fifty: it became an order).
    int i = 4242;
    UUID buyer = md5Uuid("user-" + (i % s.users()));
    long buyersDeal = firstDeal + ((long) i / s.users() + i % s.users()) % s.deals();
    UUID newcomer = UUID.randomUUID();
    UUID newOrder = UUID.randomUUID();

    Map<String, Object> page = Map.of("now", now, "limit", 20, "offset", 0);
    Query insertReservation =
        new Query(
            "InsertReservation",
            ReservationsSql.INSERT_RESERVATION,
            Map.of(
                "orderId",
                newOrder,
                "dealId",
                activeDeal,
                "productId",
                firstProduct,
                "userId",
                newcomer,
                "quantity",
                1,
                "unitPriceMinor",
                500,
                "currency",
                "EUR"));
    Query insertOrder =
        new Query(
            "InsertOrder",
            OrdersSql.INSERT_ORDER,
            orderParams(newOrder, newcomer, activeDeal, firstProduct));
    return List.of(
        new Experiment(
            "product",
            "deal_ends_at_starts_at_idx",
            "DROP INDEX deal_ends_at_starts_at_idx",
            List.of(
                new Query("ListActiveDeals", DealsSql.LIST_ACTIVE_DEALS, page),
                new Query("CountActiveDeals", DealsSql.COUNT_ACTIVE_DEALS, Map.of("now", now)))),
        new Experiment(
            "product",
            "deal_product_id_idx",
            "DROP INDEX deal_product_id_idx",
            List.of(
                new Query(
                    "FindStockLevel",
                    CatalogSql.FIND_STOCK_LEVEL,
                    Map.of("id", firstProduct + 42)))),
        new Experiment(
            "product",
            "reservation_reserved_created_at_idx",
            "DROP INDEX reservation_reserved_created_at_idx",
            List.of(
                new Query(
                    "FindExpiredReservations",
                    ReservationsSql.FIND_EXPIRED_RESERVATIONS,
                    Map.of("holdSeconds", 5, "skip", "{}", "batch", 100)))),
        new Experiment(
            "product",
            "reservation_deal_id_status_idx",
            "DROP INDEX reservation_deal_id_status_idx",
            // What the index costs the hot path: every reservation writes an entry into it.
            List.of(
                new Query("StockSnapshot", StockSql.STOCK_SNAPSHOT, Map.of("dealId", pastDeal)),
                insertReservation)),
        // The reserve path: every statement goes by a key (order id, deal and user, deal id).
        new Experiment(
            "product",
            "",
            null,
            List.of(
                insertReservation,
                new Query(
                    "AddUserPurchase",
                    ReservationsSql.ADD_USER_PURCHASE,
                    Map.of(
                        "dealId",
                        activeDeal,
                        "userId",
                        newcomer,
                        "quantity",
                        1,
                        "perUserLimit",
                        1)),
                new Query(
                    "TakeStockAtomically",
                    StockSql.TAKE_STOCK_ATOMICALLY,
                    Map.of("dealId", activeDeal, "quantity", 1)))),
        new Experiment(
            "order",
            "customer_order_idempotency_key",
            "ALTER TABLE customer_order DROP CONSTRAINT customer_order_idempotency_key",
            List.of(
                new Query(
                    "FindOrderByIdempotencyKey",
                    OrdersSql.FIND_ORDER_BY_IDEMPOTENCY_KEY,
                    Map.of("userId", buyer, "idempotencyKey", "volume-" + i)))),
        new Experiment(
            "order",
            "customer_order_one_per_user_and_deal",
            "DROP INDEX customer_order_one_per_user_and_deal",
            List.of(
                new Query(
                    "HasOrderForDeal",
                    OrdersSql.HAS_ORDER_FOR_DEAL,
                    Map.of("userId", buyer, "dealId", buyersDeal)))),
        new Experiment(
            "order",
            "customer_order_user_id_created_at_idx",
            "DROP INDEX customer_order_user_id_created_at_idx",
            List.of(
                new Query(
                    "ListOwnOrders",
                    OrdersSql.LIST_OWN_ORDERS,
                    Map.of("userId", buyer, "limit", 20, "offset", 0)),
                new Query("CountOwnOrders", OrdersSql.COUNT_OWN_ORDERS, Map.of("userId", buyer)),
                // ... and what it costs every order.
                insertOrder)),
        new Experiment("order", "", null, List.of(insertOrder)));
  }

  private static Map<String, Object> orderParams(UUID id, UUID user, long deal, long product) {
    Map<String, Object> p = new HashMap<>();
    p.put("id", id);
    p.put("userId", user);
    p.put("dealId", deal);
    p.put("productId", product);
    p.put("quantity", 1);
    p.put("unitPriceMinor", 500);
    p.put("currency", "EUR");
    p.put("status", "CONFIRMED");
    p.put("idempotencyKey", "explain-" + id);
    p.put("requestFingerprint", "deal=" + deal + ";quantity=1");
    return p;
  }

  /**
   * Plans and runs the statement {@link #EXECUTIONS} times in one transaction that is rolled back
   * (writes included), after {@code drop} when given. The median run's figures count; its plan is
   * kept as JSON next to the report.
   */
  private Plan explain(String service, String index, String drop, Query q, Path dir) {
    Platform.Database db = databases.get(service);
    try (Connection c = connect(db)) {
      c.setAutoCommit(false);
      try {
        if (drop != null) {
          try (Statement st = c.createStatement()) {
            st.execute(drop);
          }
        }
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(c, true));
        List<JsonNode> runs = new ArrayList<>();
        for (int run = 0; run <= EXECUTIONS; run++) {
          // Each run from the same state: a write is undone before the next, so an insert is
          // measured as an insert every time (not as the conflict of its repeat).
          java.sql.Savepoint before = c.setSavepoint();
          String json =
              jdbc.sql("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + q.sql())
                  .params(q.params())
                  .query(String.class)
                  .single();
          c.rollback(before);
          if (run > 0) {
            runs.add(JSON.readTree(json).get(0));
          }
        }
        runs.sort(java.util.Comparator.comparingDouble(r -> r.path("Execution Time").asDouble()));
        JsonNode median = runs.get(runs.size() / 2);
        Files.createDirectories(dir);
        Files.writeString(
            dir.resolve(
                "%s-%s-%s.json"
                    .formatted(service, q.name(), drop == null ? "with" : "without-" + index)),
            median.toPrettyString());
        JsonNode top = median.path("Plan");
        return new Plan(
            median.path("Execution Time").asDouble(),
            median.path("Planning Time").asDouble(),
            shape(top),
            top.path("Shared Hit Blocks").asLong() + top.path("Shared Read Blocks").asLong());
      } finally {
        c.rollback();
      }
    } catch (SQLException | IOException e) {
      throw new HarnessException("explain " + q.name() + ": " + e.getMessage(), e);
    }
  }

  /** "Limit → Index Scan using x on t", outermost first; a CTE's nodes are listed too. */
  static String shape(JsonNode node) {
    List<String> parts = new ArrayList<>();
    walk(node, parts);
    return String.join(" → ", parts);
  }

  private static void walk(JsonNode node, List<String> parts) {
    String type = node.path("Node Type").asText();
    StringBuilder s = new StringBuilder(type);
    if (node.hasNonNull("Index Name")) {
      s.append(" using ").append(node.get("Index Name").asText());
    }
    if (node.hasNonNull("Relation Name") && !type.equals("ModifyTable")) {
      s.append(" on ").append(node.get("Relation Name").asText());
    } else if (node.hasNonNull("Relation Name")) {
      s.append(' ').append(node.path("Operation").asText()).append(' ');
      s.append(node.get("Relation Name").asText());
    }
    if (!type.equals("Result") || node.has("Plans")) {
      parts.add(s.toString());
    }
    for (JsonNode child : node.path("Plans")) {
      walk(child, parts);
    }
  }

  private void analyze(String service, String... tables) {
    Platform.Database db = databases.get(service);
    try (Connection c = connect(db);
        Statement st = c.createStatement()) {
      // VACUUM too: index-only scans need the visibility map a freshly loaded table lacks.
      st.execute("VACUUM ANALYZE " + String.join(", ", Arrays.asList(tables)));
    } catch (SQLException e) {
      throw new HarnessException("VACUUM ANALYZE on " + service + ": " + e.getMessage(), e);
    }
  }

  private static Connection connect(Platform.Database db) throws SQLException {
    java.util.Properties p = new java.util.Properties();
    p.setProperty("user", db.user());
    p.setProperty("password", db.password());
    return new org.postgresql.Driver().connect(db.url(), p);
  }

  private JdbcClient client(String service) {
    Platform.Database db = databases.get(service);
    if (db == null) {
      throw new HarnessException("no database settings for " + service + "-service");
    }
    return JdbcClient.create(
        new org.springframework.jdbc.datasource.SimpleDriverDataSource(
            new org.postgresql.Driver(), db.url(), db.user(), db.password()));
  }

  /** PostgreSQL's {@code md5(text)::uuid}: the digest's 16 bytes as a UUID. */
  static UUID md5Uuid(String text) {
    try {
      ByteBuffer b =
          ByteBuffer.wrap(
              MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
      return new UUID(b.getLong(), b.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
