package com.flashdeal.harness.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What Linux's /proc says about processes and the machine. CPU is in clock ticks, 100 per second on
 * every mainstream kernel configuration. Anything unreadable (a process gone, not Linux) is -1.
 */
public final class Procfs {
  private static final double TICKS_PER_SECOND = 100.0;

  private Procfs() {}

  /** utime + stime of one process (fields 14 and 15 of /proc/pid/stat). */
  public static double cpuSeconds(long pid) {
    long[] f = statFields(pid);
    return f == null ? -1 : (f[11] + f[12]) / TICKS_PER_SECOND;
  }

  /**
   * A server and its children, e.g. PostgreSQL's postmaster and its backends: the live children's
   * own time plus the time of children already reaped (cutime + cstime of the parent).
   */
  public static double treeCpuSeconds(long pid) {
    long[] f = statFields(pid);
    if (f == null) {
      return -1;
    }
    double total = (f[11] + f[12] + f[13] + f[14]) / TICKS_PER_SECOND;
    for (ProcessHandle child :
        ProcessHandle.of(pid).map(h -> h.children().toList()).orElse(List.of())) {
      double c = cpuSeconds(child.pid());
      if (c > 0) {
        total += c;
      }
    }
    return total;
  }

  /** Resident memory now, MiB (-1 when unknown). */
  public static double rssMib(long pid) {
    double kib = statusKib(pid, "VmRSS:");
    return kib < 0 ? -1 : kib / 1024.0;
  }

  public static double peakRssMib(long pid) {
    return statusKib(pid, "VmHWM:") / 1024.0;
  }

  /** Resident memory of a process and its children, MiB (PostgreSQL's backends are processes). */
  public static double treeRssMib(long pid) {
    double kib = statusKib(pid, "VmRSS:");
    if (kib < 0) {
      return -1;
    }
    for (ProcessHandle child :
        ProcessHandle.of(pid).map(h -> h.children().toList()).orElse(List.of())) {
      kib += Math.max(0, statusKib(child.pid(), "VmRSS:"));
    }
    return kib / 1024.0;
  }

  /**
   * The machine's CPU counters from the first line of /proc/stat, in seconds: {busy, steal, total}
   * (busy = user + nice + system + irq + softirq; idle and iowait count as not busy).
   */
  public static double[] machineCpu() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
      long user = Long.parseLong(f[1]);
      long nice = Long.parseLong(f[2]);
      long system = Long.parseLong(f[3]);
      long idle = Long.parseLong(f[4]);
      long iowait = Long.parseLong(f[5]);
      long irq = Long.parseLong(f[6]);
      long softirq = Long.parseLong(f[7]);
      long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
      double busy = (user + nice + system + irq + softirq) / TICKS_PER_SECOND;
      double total =
          (user + nice + system + idle + iowait + irq + softirq + steal) / TICKS_PER_SECOND;
      return new double[] {busy, steal / TICKS_PER_SECOND, total};
    } catch (IOException | RuntimeException e) {
      return new double[] {-1, -1, -1};
    }
  }

  /** The 1-minute load average, -1 if unknown. */
  public static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static long[] statFields(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long[] out = new long[15];
      for (int i = 0; i < out.length; i++) {
        out[i] = Long.parseLong(fields[i].matches("-?\\d+") ? fields[i] : "0");
      }
      return out;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static double statusKib(long pid, String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith(key)) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone, or not Linux
    }
    return -1;
  }
}
