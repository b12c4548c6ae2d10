package com.flashdeal.servicedefaults.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryParametersFilterTest {

  @Test
  void aParameterGivenTwiceOrWithoutAValueIsAProblem() {
    assertThat(QueryParametersFilter.problems("page=&page=x"))
        .containsExactly("page has no value", "page is given more than once");
    assertThat(QueryParametersFilter.problems("page=1&page=2"))
        .containsExactly("page is given more than once");
    assertThat(QueryParametersFilter.problems("size")).containsExactly("size has no value");
    assertThat(QueryParametersFilter.problems("p%61ge=1&page=2"))
        .as("names are compared decoded")
        .containsExactly("page is given more than once");
  }

  @Test
  void singleValuedParametersPass() {
    assertThat(QueryParametersFilter.problems("page=0&size=20")).isEmpty();
    assertThat(QueryParametersFilter.problems("page=0&&size=20&")).isEmpty();
    assertThat(QueryParametersFilter.problems("page=%zz")).isEmpty();
  }
}
