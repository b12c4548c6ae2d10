def log = new File(basedir, 'build.log').text
assert log.contains("src/main/resources/sql/deals.sql:4: duplicate query name 'FindDeal' (first defined at line 1)")
assert !new File(basedir, 'target/generated-sources/sqlgen/com/example/sql/DealsSql.java').exists()
return true
