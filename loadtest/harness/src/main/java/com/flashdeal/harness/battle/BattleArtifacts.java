package com.flashdeal.harness.battle;

import com.flashdeal.harness.platform.VariantName;
import com.flashdeal.launcher.Service;
import com.flashdeal.launcher.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What each variant's order-service ships, read from the build: the runnable jar the launcher runs,
 * and the image layers Jib adds on the base image both stacks share ({@code target/jib-app.tar},
 * built on an empty base by {@code make bench-battle}: the JRE and the OpenTelemetry agent are the
 * same for both, so only these layers differ).
 */
public final class BattleArtifacts {
  /** The image of the service's own layers, as {@code make bench-battle} builds it. */
  public static final String IMAGE_TAR = "target/jib-app.tar";

  private BattleArtifacts() {}

  public static List<BattleResult.Artifact> of(Path repo, List<String> variants) {
    List<BattleResult.Artifact> out = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (String name : variants) {
      String base = VariantName.parse(name).base();
      if (seen.contains(base)) {
        continue;
      }
      seen.add(base);
      Variant variant = Variant.load(repo.resolve("variants"), base);
      Path module = repo.resolve(Service.ORDER.module(variant.env()));
      Path jar = jar(module);
      Path image = module.resolve(IMAGE_TAR);
      out.add(
          new BattleResult.Artifact(
              base,
              jar == null ? "(not built)" : repo.relativize(jar).toString(),
              size(jar),
              size(image)));
    }
    return out;
  }

  private static Path jar(Path module) {
    try (Stream<Path> files = Files.list(module.resolve("target"))) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".jar"))
          .filter(p -> p.getFileName().toString().startsWith(module.getFileName() + "-"))
          .findFirst()
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private static long size(Path file) {
    try {
      return file != null && Files.isRegularFile(file) ? Files.size(file) : -1;
    } catch (IOException e) {
      return -1;
    }
  }
}
