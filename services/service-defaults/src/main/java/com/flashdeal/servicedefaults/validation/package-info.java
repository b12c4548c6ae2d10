/** Bean Validation as the contracts mean it. */
package com.flashdeal.servicedefaults.validation;
