/** How parameters of the services' {@code .sql} files are encoded. */
package com.flashdeal.servicecore.sql;
