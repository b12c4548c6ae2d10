package com.flashdeal.harness;

import java.util.List;
import java.util.Map;

/**
 * One variant, one repeat.
 *
 * @param status PASSED; FAILED when the oracle found a violated invariant; INVALID when k6's
 *     validity thresholds failed
 */
record RunResult(
    String variant,
    int repeat,
    String status,
    List<String> violations,
    K6Runner.Result client,
    Map<String, MetricsSource.ServiceFigures> services,
    Map<String, Long> ledger,
    double startupSeconds) {}
