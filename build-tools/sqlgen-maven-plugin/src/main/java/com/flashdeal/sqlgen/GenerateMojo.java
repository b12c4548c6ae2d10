package com.flashdeal.sqlgen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates one query-constant class per {@code .sql} file under {@link #sqlDirectory}. Sub-folders
 * become sub-packages. Any problem in any file fails the build, listing every problem as {@code
 * file:line: message}.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  /** Where the annotated query files are. */
  @Parameter(defaultValue = "${project.basedir}/src/main/resources/sql", required = true)
  private java.io.File sqlDirectory;

  /** Where generated sources go; added to the compile source roots. */
  @Parameter(defaultValue = "${project.build.directory}/generated-sources/sqlgen", required = true)
  private java.io.File outputDirectory;

  /** Package of the generated classes, e.g. {@code com.flashdeal.product.sql}. */
  @Parameter(required = true)
  private String packageName;

  @Override
  public void execute() throws MojoFailureException {
    Path base = sqlDirectory.toPath();
    if (!Files.isDirectory(base)) {
      throw new MojoFailureException(
          "sqlgen: no SQL directory at " + base + " (configure <sqlDirectory> or create it)");
    }
    try {
      List<Path> written =
          new SqlCodeGenerator(packageName)
              .generate(base, outputDirectory.toPath(), project.getBasedir().toPath());
      getLog()
          .info("sqlgen: generated " + written.size() + " query class(es) into " + outputDirectory);
    } catch (SqlFileException e) {
      throw new MojoFailureException("sqlgen: invalid SQL files:\n" + e.getMessage());
    } catch (IOException e) {
      throw new MojoFailureException("sqlgen: cannot read or write " + e.getMessage(), e);
    }
    project.addCompileSourceRoot(outputDirectory.getPath());
  }
}
