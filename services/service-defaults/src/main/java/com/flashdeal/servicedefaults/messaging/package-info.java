/** Phase 5's messaging parts that need Spring: the outbox's drain as one transaction. */
package com.flashdeal.servicedefaults.messaging;
