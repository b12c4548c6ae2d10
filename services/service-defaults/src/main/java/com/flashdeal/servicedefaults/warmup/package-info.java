/**
 * Ready means warm: before a service reports ready it sends its own hot paths to itself over
 * loopback until the JIT has compiled them (it has run out of work for them), so the first buyers a
 * new process or pod gets are served by compiled code. See {@link
 * com.flashdeal.servicedefaults.warmup.WarmUp}.
 */
package com.flashdeal.servicedefaults.warmup;
