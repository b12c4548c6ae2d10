package com.flashdeal.harness.report;

import java.util.List;
import java.util.Locale;

/** Small dependency-free SVG charts for the HTML report: lines (optionally log axes) and bars. */
public final class Svg {
  public static final String[] COLORS = {
    "#2f6fd0", "#d0702f", "#2a9d5c", "#a23fb5", "#b5a23f", "#555555"
  };
  private static final int W = 560;
  private static final int H = 300;
  private static final int L = 60;
  private static final int R = 16;
  private static final int T = 16;
  private static final int B = 46;

  private Svg() {}

  public record Series(String name, String color, boolean dashed, List<double[]> points) {}

  /** A vertical marker line (the knee) or horizontal one (the SLO), labelled. */
  public record Mark(boolean vertical, double at, String label, String color) {}

  public static String lines(
      String xLabel,
      String yLabel,
      List<Series> series,
      boolean logX,
      boolean logY,
      List<Mark> marks) {
    double minX = Double.MAX_VALUE,
        maxX = -Double.MAX_VALUE,
        minY = Double.MAX_VALUE,
        maxY = -Double.MAX_VALUE;
    for (Series s : series) {
      for (double[] p : s.points()) {
        if (!Double.isFinite(p[0]) || !Double.isFinite(p[1]) || (logY && p[1] <= 0)) continue;
        minX = Math.min(minX, p[0]);
        maxX = Math.max(maxX, p[0]);
        minY = Math.min(minY, p[1]);
        maxY = Math.max(maxY, p[1]);
      }
    }
    for (Mark m : marks) {
      if (m.vertical()) maxX = Math.max(maxX, m.at());
      else maxY = Math.max(maxY, m.at());
    }
    StringBuilder svg = open();
    if (minX == Double.MAX_VALUE) {
      return svg.append(text(W / 2.0, H / 2.0, "no data", "middle", 13))
          .append("</svg>")
          .toString();
    }
    if (!logY) minY = Math.min(0, minY);
    if (maxX == minX) maxX = minX + 1;
    if (maxY == minY) maxY = minY + 1;
    Axis x = new Axis(minX, maxX, logX, L, W - R);
    Axis y = new Axis(minY, maxY * (logY ? 1.3 : 1.08), logY, H - B, T);
    grid(svg, x, y);
    svg.append(text((L + W - R) / 2.0, H - 8, xLabel, "middle", 12));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"14\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">%s</text>",
            (T + H - B) / 2,
            (T + H - B) / 2,
            esc(yLabel)));
    for (Mark m : marks) {
      String c = m.color();
      if (m.vertical()) {
        double px = x.pos(m.at());
        svg.append(
            f(
                "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-dasharray=\"4 3\"/>",
                px, px, T, H - B, c));
        svg.append(text(px + 4, T + 12, m.label(), "start", 11));
      } else {
        double py = y.pos(m.at());
        svg.append(
            f(
                "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"4 3\"/>",
                L, W - R, py, py, c));
        svg.append(text(W - R - 4, py - 4, m.label(), "end", 11));
      }
    }
    int legendY = T + 4;
    for (Series s : series) {
      StringBuilder d = new StringBuilder();
      for (double[] p : s.points()) {
        if (!Double.isFinite(p[0])
            || !Double.isFinite(p[1])
            || (logY && p[1] <= 0)
            || (logX && p[0] <= 0)) continue;
        d.append(d.isEmpty() ? "M" : "L").append(f("%.1f %.1f ", x.pos(p[0]), y.pos(p[1])));
      }
      svg.append(
          f(
              "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>",
              d.toString().strip(), s.color(), s.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
      for (double[] p : s.points()) {
        if (s.points().size() <= 40
            && Double.isFinite(p[0])
            && Double.isFinite(p[1])
            && !(logY && p[1] <= 0)) {
          svg.append(
              f(
                  "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>",
                  x.pos(p[0]), y.pos(p[1]), s.color()));
        }
      }
      svg.append(
          f(
              "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>",
              W - R - 150,
              W - R - 130,
              legendY,
              legendY,
              s.color(),
              s.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
      svg.append(text(W - R - 126, legendY + 4, s.name(), "start", 11));
      legendY += 15;
    }
    return svg.append("</svg>").toString();
  }

  /** Horizontal grouped bars: one group per label, one bar per series value. */
  public static String bars(
      List<String> groups, List<String> seriesNames, double[][] values, String unit) {
    int rowH = 14;
    int groupH = rowH * seriesNames.size() + 10;
    int h = T + groups.size() * groupH + 20 + 15 * ((seriesNames.size() + 2) / 3);
    double max = 0;
    for (double[] row : values) for (double v : row) if (Double.isFinite(v)) max = Math.max(max, v);
    if (max <= 0) max = 1;
    StringBuilder svg =
        new StringBuilder(
            f(
                "<svg viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" font-family=\"system-ui,sans-serif\">",
                W, h));
    int left = 110;
    int y = T;
    for (int g = 0; g < groups.size(); g++) {
      svg.append(text(0, y + groupH / 2.0, groups.get(g), "start", 12));
      for (int s = 0; s < seriesNames.size(); s++) {
        double v = values[g][s];
        if (Double.isFinite(v) && v >= 0) {
          double w = Math.max(1, v / max * (W - left - 70));
          svg.append(
              f(
                  "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
                  left, y + s * rowH, w, rowH - 3, COLORS[s % COLORS.length]));
          svg.append(text(left + w + 4, y + s * rowH + 10, f("%.2f", v), "start", 10));
        }
      }
      y += groupH;
    }
    int lx = left;
    int ly = y + 10;
    for (int s = 0; s < seriesNames.size(); s++) {
      svg.append(
          f(
              "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>",
              lx, ly - 9, COLORS[s % COLORS.length]));
      svg.append(text(lx + 14, ly, seriesNames.get(s), "start", 11));
      lx += 140;
      if (lx > W - 140) {
        lx = left;
        ly += 15;
      }
    }
    svg.append(text(W - R, ly, unit, "end", 11));
    return svg.append("</svg>").toString();
  }

  private static StringBuilder open() {
    return new StringBuilder(
        f(
            "<svg viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" font-family=\"system-ui,sans-serif\">",
            W, H));
  }

  private static void grid(StringBuilder svg, Axis x, Axis y) {
    svg.append(
        f(
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#ccc\"/>",
            L, T, W - L - R, H - T - B));
    for (double v : y.ticks()) {
      double py = y.pos(v);
      svg.append(
          f(
              "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>",
              L, W - R, py, py));
      svg.append(text(L - 4, py + 4, num(v), "end", 10));
    }
    List<Double> xt = x.ticks();
    for (int i = 0; i < xt.size(); i++) {
      double px = x.pos(xt.get(i));
      svg.append(
          f(
              "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#eee\"/>",
              px, px, T, H - B));
      svg.append(text(px, H - B + 14, num(xt.get(i)), "middle", 10));
    }
  }

  /** A linear or log10 axis mapped onto [from, to] pixels. */
  record Axis(double min, double max, boolean log, double from, double to) {
    double pos(double v) {
      double a = log ? Math.log10(Math.max(v, 1e-9)) : v;
      double lo = log ? Math.log10(Math.max(min, 1e-9)) : min;
      double hi = log ? Math.log10(max) : max;
      return from + (a - lo) / (hi - lo) * (to - from);
    }

    List<Double> ticks() {
      java.util.ArrayList<Double> t = new java.util.ArrayList<>();
      if (log) {
        for (double d = Math.pow(10, Math.floor(Math.log10(Math.max(min, 1e-9))));
            d <= max * 1.0001;
            d *= 10) {
          if (d >= min * 0.999) t.add(d);
        }
        return t;
      }
      double step = Math.pow(10, Math.floor(Math.log10((max - min) / 5)));
      for (double m : new double[] {1, 2, 5, 10}) {
        if ((max - min) / (step * m) <= 6) {
          step *= m;
          break;
        }
      }
      for (double v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) t.add(v);
      return t;
    }
  }

  public static String num(double v) {
    if (Math.abs(v) >= 1000) return f("%.0f", v);
    if (Math.abs(v) >= 10 || v == Math.rint(v)) return f("%.0f", v);
    return f("%.2g", v);
  }

  static String text(double x, double y, String s, String anchor, int size) {
    return f(
        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\">%s</text>",
        x, y, size, anchor, esc(s));
  }

  public static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  public static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
