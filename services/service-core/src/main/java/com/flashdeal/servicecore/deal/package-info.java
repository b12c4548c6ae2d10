/** A deal's fixed terms and the refusals they make, shared by every service that checks them. */
package com.flashdeal.servicecore.deal;
