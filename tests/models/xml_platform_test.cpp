// An infrastructure read from a SimGrid XML platform instead of built from the scenario: the same
// components give exactly the same run, and a platform the scenario cannot use is reported before
// anything runs (SimGrid itself would abort the process), with the field at fault.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "models/scenario/scenario_loader.hpp"
#include "tests/models/service_desk_test_support.hpp"

namespace desksim {
namespace {

namespace fs = std::filesystem;

TEST(XmlPlatform, GivesTheSameRunAsTheBuiltInPlatform) {
  const auto from_file = testing::load("scenarios/validation/availability-1of2-xml-platform.textproto");
  ASSERT_TRUE(fs::path(from_file.infrastructure().platform_file()).is_absolute());  // resolved by the loader
  auto built = from_file;
  built.mutable_infrastructure()->clear_platform_file();
  const auto a = testing::run(from_file, 2), b = testing::run(built, 2);
  ASSERT_EQ(a.replications_size(), 2);
  for (int r = 0; r < 2; ++r) {
    EXPECT_EQ(a.replications(r).fingerprint(), b.replications(r).fingerprint());
    EXPECT_EQ(a.replications(r).infrastructure().services(0).availability(),
              b.replications(r).infrastructure().services(0).availability());
    EXPECT_GT(a.replications(r).infrastructure().components(0).failures(), 0u);
  }
}

class BadPlatform : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("desksim-xml-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    const std::string source = std::string(DESKSIM_SOURCE_DIR) + "/scenarios/validation/";
    std::ifstream in(source + "availability-1of2-xml-platform.textproto");
    std::ostringstream text;
    text << in.rdbuf();
    scenario_text_ = text.str();
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<models::Diagnostic> load_with_platform(const std::string& xml) {
    std::ofstream(dir_ / "platforms.xml") << xml;
    std::ofstream(dir_ / "s.textproto") << with_platform("platforms.xml");
    scenario::Scenario s;
    std::vector<models::Diagnostic> d;
    EXPECT_FALSE(models::load_scenario((dir_ / "s.textproto").string(), &s, &d));
    return d;
  }

  /// The shipped scenario's text with its platform file replaced (in the comments too).
  std::string with_platform(const std::string& file) const {
    std::string text = scenario_text_;
    const std::string shipped = "platforms/two-datacentres.xml";
    for (auto at = text.find(shipped); at != std::string::npos; at = text.find(shipped, at + file.size()))
      text.replace(at, shipped.size(), file);
    return text;
  }

  fs::path dir_;
  std::string scenario_text_;
};

const char* kHeader = "<?xml version='1.0'?>\n<!DOCTYPE platform SYSTEM \"https://simgrid.org/simgrid.dtd\">\n";

TEST_F(BadPlatform, APlatformSimGridRefusesIsReportedWithSimGridsMessage) {
  const auto d = load_with_platform(std::string(kHeader) +
                                    "<platform version=\"4.1\">\n<zone id=\"x\" routing=\"NoSuchRouting\">"
                                    "<host id=\"control\" speed=\"1Gf\"/></zone></platform>\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].field_path, "infrastructure.platform_file");
  EXPECT_NE(d[0].message.find("SimGrid could not load"), std::string::npos) << d[0].message;
  EXPECT_NE(d[0].message.find("platforms.xml"), std::string::npos) << d[0].message;
}

TEST_F(BadPlatform, MissingControlHostIsReported) {
  const auto d = load_with_platform(std::string(kHeader) +
                                    "<platform version=\"4.1\"><zone id=\"x\" routing=\"Full\">"
                                    "<host id=\"a\" speed=\"1Gf\"/><host id=\"b\" speed=\"1Gf\"/></zone></platform>\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].field_path, "infrastructure.platform_file");
  EXPECT_NE(d[0].message.find("no host named \"control\""), std::string::npos) << d[0].message;
}

TEST_F(BadPlatform, EveryMissingComponentIsNamed) {
  const auto d = load_with_platform(std::string(kHeader) +
                                    "<platform version=\"4.1\"><zone id=\"x\" routing=\"Full\">"
                                    "<host id=\"control\" speed=\"1Gf\"/></zone></platform>\n");
  std::vector<std::string> lines;
  for (const auto& x : d) lines.push_back(x.field_path + ": " + x.message);
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "infrastructure.components[0].name: the platform file has no host named \"a\"",
                       "infrastructure.components[1].name: the platform file has no host named \"b\"",
                   }));
}

TEST_F(BadPlatform, MissingFileIsReported) {
  std::ofstream(dir_ / "s.textproto") << with_platform("nowhere.xml");
  scenario::Scenario s;
  std::vector<models::Diagnostic> d;
  EXPECT_FALSE(models::load_scenario((dir_ / "s.textproto").string(), &s, &d));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].format(), (dir_ / "s.textproto").string() + ": infrastructure.platform_file: no such file: " +
                               (dir_ / "nowhere.xml").string());
}

}  // namespace
}  // namespace desksim

namespace desksim {
namespace {

namespace fs = std::filesystem;

class RefusedPlatform : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("desksim-xml-rules-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    std::ifstream in(std::string(DESKSIM_SOURCE_DIR) + "/scenarios/validation/availability-1of2-xml-platform.textproto");
    std::stringstream s;
    s << in.rdbuf();
    scenario_ = s.str();
    const std::string shipped = "platforms/two-datacentres.xml";
    for (auto at = scenario_.find(shipped); at != std::string::npos; at = scenario_.find(shipped))
      scenario_.replace(at, shipped.size(), "p.xml");
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string load(const std::string& zone_body) {
    std::ofstream(dir_ / "p.xml") << "<?xml version='1.0'?>\n<platform version=\"4.1\">\n" << zone_body << "\n</platform>\n";
    std::ofstream(dir_ / "s.textproto") << scenario_;
    scenario::Scenario s;
    std::vector<models::Diagnostic> d;
    EXPECT_FALSE(models::load_scenario((dir_ / "s.textproto").string(), &s, &d));
    return models::format_all(d);
  }
  fs::path dir_;
  std::string scenario_;
};

const char* kHosts = "<host id=\"control\" speed=\"1Gf\"/><host id=\"a\" speed=\"1Gf\"/><host id=\"b\" speed=\"1Gf\"/>";

TEST_F(RefusedPlatform, SimGridSettingsAreRefusedBeforeSimGridSeesThem) {
  const std::string text = load(std::string("<config><prop id=\"debug/breakpoint\" value=\"1\"/></config>"
                                            "<zone id=\"x\" routing=\"Full\">") + kHosts + "<link id=\"wan\" bandwidth=\"1GBps\" latency=\"1ms\"/></zone>");
  EXPECT_NE(text.find("<config> sets SimGrid's own options"), std::string::npos) << text;
}

TEST_F(RefusedPlatform, StateProfilesAndReservedNamesAreRefused) {
  std::ofstream(dir_ / "off.txt") << "0 0\n";
  const std::string text = load(
      "<zone id=\"x\" routing=\"Full\"><host id=\"control\" speed=\"1Gf\"/>"
      "<host id=\"a\" speed=\"1Gf\" state_file=\"off.txt\"/><host id=\"b\" speed=\"1Gf\"/>"
      "<link id=\"wan\" bandwidth=\"1GBps\" latency=\"1ms\"/><link id=\"__loopback__\" bandwidth=\"1GBps\" latency=\"0\"/>"
      "<trace_connect kind=\"LINK_AVAIL\" trace=\"t\" element=\"wan\"/></zone>");
  EXPECT_NE(text.find("<host id=\"a\"> has a state_file"), std::string::npos) << text;
  EXPECT_NE(text.find("<link id=\"__loopback__\">: names beginning with \"__\" are SimGrid's own"), std::string::npos) << text;
  EXPECT_NE(text.find("<trace_connect kind=\"LINK_AVAIL\" element=\"wan\"> is a state profile"), std::string::npos) << text;
}

TEST_F(RefusedPlatform, MalformedXmlNamesItsLine) {
  const std::string text = load("<zone id=\"x\" routing=\"Full\">\n<host id=\"control\" speed=\"1Gf\">\n</zone>");
  EXPECT_NE(text.find("p.xml: not well-formed XML: line "), std::string::npos) << text;
}

}  // namespace
}  // namespace desksim
