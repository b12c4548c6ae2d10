def generated = new File(basedir, 'target/generated-sources/sqlgen/com/example/sql/HotDealsSql.java')
assert generated.isFile() : "no generated class at ${generated}"
assert generated.text.contains('public static final String RESERVE_STOCK')
assert new File(basedir, 'target/classes/com/example/DealRepository.class').isFile()
return true
