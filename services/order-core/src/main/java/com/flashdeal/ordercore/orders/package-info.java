/** Orders as stored and as the contract shows them to their owner, whatever the stack. */
package com.flashdeal.ordercore.orders;
