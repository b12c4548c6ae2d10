/**
 * report.json, report.md and report.html (verdicts first, SVG charts), and the PNG rendering with
 * headless Chromium.
 */
package com.flashdeal.harness.report;
