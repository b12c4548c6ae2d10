package com.flashdeal.harness.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Renders the HTML report to a PNG at 1280 px with headless Chromium (Debian's {@code chromium}),
 * so a person can look at it and a test can check it renders. No Chromium: says so, renders
 * nothing.
 */
public final class ReportPng {
  private ReportPng() {}

  public static boolean render(Path html, Path png, Consumer<String> progress) {
    String chromium =
        List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome").stream()
            .filter(p -> Files.isExecutable(Path.of(p)))
            .findFirst()
            .orElse(null);
    if (chromium == null) {
      progress.accept(
          "report: no Chromium found (apt-get install chromium); report.png not rendered");
      return false;
    }
    try {
      Path profile = Files.createTempDirectory("flashdeal-chromium");
      Process p =
          new ProcessBuilder(
                  chromium,
                  "--headless",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--no-first-run",
                  "--hide-scrollbars",
                  "--user-data-dir=" + profile,
                  "--window-size=1280,4000",
                  "--screenshot=" + png.toAbsolutePath(),
                  html.toAbsolutePath().toUri().toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      boolean done = p.waitFor(90, TimeUnit.SECONDS);
      if (!done) {
        p.destroyForcibly();
      }
      boolean ok = done && p.exitValue() == 0 && Files.size(png) > 0;
      progress.accept(ok ? "report: rendered " + png : "report: Chromium failed to render " + png);
      return ok;
    } catch (IOException e) {
      progress.accept("report: cannot run Chromium: " + e.getMessage());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
