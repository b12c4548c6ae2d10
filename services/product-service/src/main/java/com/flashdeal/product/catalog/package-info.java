/** The catalogue: products, their free stock and the stock snapshot across their deals. */
package com.flashdeal.product.catalog;
