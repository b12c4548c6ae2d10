/**
 * The sale scenario: cold and warm sales of one hot deal per variant and round, each judged by the
 * oracle, and its part of the report.
 */
package com.flashdeal.harness.sale;
