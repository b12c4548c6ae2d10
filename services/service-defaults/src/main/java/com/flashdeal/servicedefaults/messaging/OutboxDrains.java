package com.flashdeal.servicedefaults.messaging;

import com.flashdeal.servicecore.messaging.Outbox;
import com.flashdeal.servicecore.messaging.OutboxMessage;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link Outbox#drain} as a Spring transaction: what each service's outbox differs in (which rows,
 * which message, how a row is marked done) comes in; the order of the steps — and that the mark
 * commits only after the broker confirmed — stays in one place.
 */
public final class OutboxDrains {
  private OutboxDrains() {}

  /**
   * @param claim locks and reads the batch ({@code FOR UPDATE SKIP LOCKED})
   * @param markPublished deletes or marks the published rows, in the same transaction
   * @return how many messages were published
   */
  public static int drain(
      TransactionTemplate tx,
      Supplier<List<OutboxMessage>> claim,
      Outbox.Publisher publisher,
      Consumer<List<OutboxMessage>> markPublished) {
    Integer sent =
        tx.execute(
            t -> {
              List<OutboxMessage> batch = claim.get();
              if (batch.isEmpty()) {
                return 0;
              }
              try {
                publisher.publish(batch);
              } catch (RuntimeException e) {
                throw e;
              } catch (Exception e) {
                // Not confirmed: the rollback leaves the rows for the next drain.
                throw new IllegalStateException("publishing the outbox failed: " + e, e);
              }
              markPublished.accept(batch);
              return batch.size();
            });
    return sent == null ? 0 : sent;
  }
}
