/**
 * Ready means warm: before a service reports ready it sends its own hot paths to itself over
 * loopback until the CPU each call costs has settled (the JIT has compiled them), so the first
 * buyers a new process or pod gets are served by compiled code. See {@link
 * com.flashdeal.servicedefaults.warmup.WarmUp}.
 */
package com.flashdeal.servicedefaults.warmup;
