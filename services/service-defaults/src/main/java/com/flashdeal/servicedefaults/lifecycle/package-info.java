/** Background work tied to the application context's lifecycle. */
package com.flashdeal.servicedefaults.lifecycle;
