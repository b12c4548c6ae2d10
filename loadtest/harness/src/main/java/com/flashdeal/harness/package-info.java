/**
 * The benchmark harness ({@code make bench}, {@code make bench-capacity}): {@link
 * com.flashdeal.harness.BenchCli} parses the command, {@link com.flashdeal.harness.Bench} drives
 * users → per round and variant a fresh deployment, the cold sale, a state reset, warm-up, the warm
 * sale → oracle → report. The roles live in sub-packages: platform (local, kubernetes), load,
 * metrics, oracle, seed, stats, capacity, report.
 */
package com.flashdeal.harness;
