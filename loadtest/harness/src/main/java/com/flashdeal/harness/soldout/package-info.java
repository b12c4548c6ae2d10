/** The knee of SOLD_OUT answers: what most of a flash sale's traffic is told, and how fast. */
package com.flashdeal.harness.soldout;
