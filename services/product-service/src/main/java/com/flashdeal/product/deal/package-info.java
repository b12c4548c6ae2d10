/**
 * Hot deals: created by an admin from a product's stock, listed while active, read with their
 * remaining units.
 */
package com.flashdeal.product.deal;
