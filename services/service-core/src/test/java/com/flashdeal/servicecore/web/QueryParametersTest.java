package com.flashdeal.servicecore.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryParametersTest {

  @Test
  void aParameterGivenTwiceOrWithoutAValueIsAProblem() {
    assertThat(QueryParameters.problems("page=&page=x"))
        .containsExactly("page has no value", "page is given more than once");
    assertThat(QueryParameters.problems("page=1&page=2"))
        .containsExactly("page is given more than once");
    assertThat(QueryParameters.problems("size")).containsExactly("size has no value");
    assertThat(QueryParameters.problems("p%61ge=1&page=2"))
        .as("names are compared decoded")
        .containsExactly("page is given more than once");
  }

  @Test
  void singleValuedParametersPass() {
    assertThat(QueryParameters.problems("page=0&size=20")).isEmpty();
    assertThat(QueryParameters.problems("page=0&&size=20&")).isEmpty();
    assertThat(QueryParameters.problems("page=%zz")).isEmpty();
  }
}
