// The main of every test program: gtest's, except how a skip is told to ctest. ctest's rule for
// discovered tests, "[  SKIPPED ]" anywhere in the output, also called a run skipped when its
// SetUpTestSuite had failed (gtest then prints both), and ctest adds rules but never drops one.
// So here a skipped test is printed as "[     SKIP ]", and a run in which every selected test was
// skipped and none failed exits with 77, ctest's skip code (medius_discover_tests).
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>

namespace {

// gtest's own printer, except for the lines that name skipped tests.
class SkipWordingPrinter : public testing::EmptyTestEventListener {
 public:
  explicit SkipWordingPrinter(testing::TestEventListener* inner) : inner_(inner) {}

  void OnTestProgramStart(const testing::UnitTest& unit) override { inner_->OnTestProgramStart(unit); }
  void OnTestIterationStart(const testing::UnitTest& unit, int iteration) override {
    inner_->OnTestIterationStart(unit, iteration);
  }
  void OnEnvironmentsSetUpStart(const testing::UnitTest& unit) override { inner_->OnEnvironmentsSetUpStart(unit); }
  void OnEnvironmentsSetUpEnd(const testing::UnitTest& unit) override { inner_->OnEnvironmentsSetUpEnd(unit); }
  void OnTestSuiteStart(const testing::TestSuite& suite) override { inner_->OnTestSuiteStart(suite); }
  void OnTestCaseStart(const testing::TestCase& suite) override { inner_->OnTestCaseStart(suite); }
  void OnTestStart(const testing::TestInfo& test) override { inner_->OnTestStart(test); }
  void OnTestPartResult(const testing::TestPartResult& result) override { inner_->OnTestPartResult(result); }
  void OnTestEnd(const testing::TestInfo& test) override {
    if (test.result()->Skipped())
      std::printf("[     SKIP ] %s.%s\n", test.test_suite_name(), test.name());
    else
      inner_->OnTestEnd(test);
    std::fflush(stdout);
  }
  void OnTestSuiteEnd(const testing::TestSuite& suite) override { inner_->OnTestSuiteEnd(suite); }
  void OnTestCaseEnd(const testing::TestCase& suite) override { inner_->OnTestCaseEnd(suite); }
  void OnEnvironmentsTearDownStart(const testing::UnitTest& unit) override { inner_->OnEnvironmentsTearDownStart(unit); }
  void OnEnvironmentsTearDownEnd(const testing::UnitTest& unit) override { inner_->OnEnvironmentsTearDownEnd(unit); }
  void OnTestIterationEnd(const testing::UnitTest& unit, int iteration) override {
    if (unit.skipped_test_count() == 0) return inner_->OnTestIterationEnd(unit, iteration);
    // gtest's summary would list the skipped tests under "[  SKIPPED ]": the same facts, reworded.
    std::printf("[==========] %d tests ran: %d passed, %d skipped, %d failed.\n", unit.test_to_run_count(),
                unit.successful_test_count(), unit.skipped_test_count(), unit.failed_test_count());
    for (int s = 0; s < unit.total_test_suite_count(); ++s) {
      const testing::TestSuite& suite = *unit.GetTestSuite(s);
      if (suite.ad_hoc_test_result().Failed())
        std::printf("[  FAILED  ] %s: SetUpTestSuite or TearDownTestSuite\n", suite.name());
      for (int t = 0; t < suite.total_test_count(); ++t)
        if (suite.GetTestInfo(t)->result()->Failed())
          std::printf("[  FAILED  ] %s.%s\n", suite.name(), suite.GetTestInfo(t)->name());
    }
    if (unit.ad_hoc_test_result().Failed()) std::printf("[  FAILED  ] a global set-up or tear-down\n");
    std::fflush(stdout);
  }
  void OnTestProgramEnd(const testing::UnitTest& unit) override { inner_->OnTestProgramEnd(unit); }

 private:
  std::unique_ptr<testing::TestEventListener> inner_;
};

}  // namespace

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  testing::TestEventListeners& listeners = testing::UnitTest::GetInstance()->listeners();
  if (testing::TestEventListener* printer = listeners.default_result_printer())
    listeners.Append(new SkipWordingPrinter(listeners.Release(printer)));
  const int result = RUN_ALL_TESTS();
  const testing::UnitTest& unit = *testing::UnitTest::GetInstance();
  const bool allSkipped = unit.test_to_run_count() > 0 && unit.skipped_test_count() == unit.test_to_run_count();
  return result == 0 && allSkipped ? 77 : result;
}
