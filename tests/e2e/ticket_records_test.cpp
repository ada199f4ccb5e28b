// `desksim run --tickets FILE.csv`: one record per ticket of every replication, in replication order
// whatever --jobs is, adding up to the aggregate counters of results.pb.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "desksim/results.pb.h"

namespace {

namespace fs = std::filesystem;

int run(const std::string& arguments) {
  const std::string command = std::string(DESKSIM_CLI) + " " + arguments + " > /dev/null 2>&1";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream s(line);
  std::string field;
  while (std::getline(s, field, ',')) out.push_back(field);
  if (!line.empty() && line.back() == ',') out.emplace_back();
  return out;
}

std::uint64_t counter(const desksim::results::ReplicationResult& r, const std::string& name) {
  for (const auto& c : r.counters())
    if (c.name() == name) return c.value();
  ADD_FAILURE() << "no counter " << name;
  return 0;
}

TEST(TicketRecords, AddUpToTheAggregateCountersAndDoNotDependOnJobs) {
  const fs::path dir = fs::temp_directory_path() / ("desksim-tickets-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const std::string scenario = std::string(DESKSIM_SOURCE_DIR) + "/scenarios/validation/ola-chase-ample-servers.textproto";
  ASSERT_EQ(run("run " + scenario + " -r 3 -j 2 -q --out " + (dir / "a").string() + " --tickets " +
                (dir / "a" / "tickets.csv").string()),
            0);
  ASSERT_EQ(run("run " + scenario + " -r 3 -j 1 -q --out " + (dir / "b").string() + " --tickets " +
                (dir / "b" / "tickets.csv").string()),
            0);
  std::ifstream a(dir / "a" / "tickets.csv"), b(dir / "b" / "tickets.csv");
  std::stringstream sa, sb;
  sa << a.rdbuf();
  sb << b.rdbuf();
  EXPECT_EQ(sa.str(), sb.str()) << "the records depend on --jobs";

  desksim::results::RunResult result;
  std::ifstream pb(dir / "a" / "results.pb", std::ios::binary);
  ASSERT_TRUE(result.ParseFromIstream(&pb));
  std::istringstream lines(sa.str());
  std::string line;
  std::getline(lines, line);
  const auto header = split(line);
  std::map<std::string, std::size_t> column;
  for (std::size_t k = 0; k < header.size(); ++k) column[header[k]] = k;
  std::map<int, std::uint64_t> rows, resolved, closed, cancelled;
  int last_replication = 0;
  std::size_t unbalanced = 0;
  std::string first_unbalanced;
  while (std::getline(lines, line)) {
    const auto f = split(line);
    ASSERT_EQ(f.size(), header.size()) << line;
    const int r = std::stoi(f[column["replication"]]);
    EXPECT_GE(r, last_replication) << "records out of replication order";
    last_replication = r;
    ++rows[r];
    resolved[r] += !f[column["resolved_h"]].empty();
    closed[r] += f[column["state"]] == "closed";
    if (f[column["state"]] == "closed") {
      // The hours in each state add up to the ticket's life. They are kept only when records are
      // written, so this also checks that writing records switches them on. Each column is printed to
      // six significant digits (relative error 5e-6, seventeen columns) and summed in float (6e-8 a
      // transition): 1e-4 of the life bounds both.
      double in_states = 0;
      for (std::size_t k = 0; k < header.size(); ++k)
        if (header[k].rfind("h_", 0) == 0) in_states += std::stod(f[k]);
      const double life = std::stod(f[column["closed_h"]]) - std::stod(f[column["opened_h"]]);
      if (std::abs(in_states - life) > 1e-4 * std::max(1.0, life) && unbalanced++ == 0) first_unbalanced = line;
    }
    cancelled[r] += f[column["state"]] == "cancelled";
  }
  EXPECT_EQ(unbalanced, 0u) << "closed tickets whose hours in states do not add up to their life, e.g. "
                            << first_unbalanced;
  ASSERT_EQ(result.replications_size(), 3);
  for (int r = 0; r < 3; ++r) {
    const auto& rep = result.replications(r);
    // Every ticket that reached the desk has one record (abandoned calls logged none).
    EXPECT_EQ(rows[r], counter(rep, "tickets.raised_total") - counter(rep, "tickets.abandoned_total")) << r;
    EXPECT_EQ(resolved[r], counter(rep, "tickets.resolved_total")) << r;
    EXPECT_EQ(closed[r], counter(rep, "state.closed.entered_total")) << r;
    EXPECT_EQ(cancelled[r], counter(rep, "tickets.cancelled_total")) << r;
  }
  EXPECT_FALSE(fs::exists(dir / "a" / "tickets.csv.tmp"));
  EXPECT_FALSE(fs::exists(dir / "a" / "tickets.csv.r0.part"));
  {
    // The same records fill the dashboard's `tickets` table (its CSV export is made from the
    // database): one row per record, and as many resolved as the counters say.
    std::ifstream table(dir / "a" / "csv" / "tickets.csv");
    std::string row;
    std::getline(table, row);
    std::vector<std::string> columns;
    for (std::size_t start = 0, end = 0; end != std::string::npos; start = end + 1)
      columns.push_back(row.substr(start, (end = row.find(',', start)) - start));
    const auto resolved_column = static_cast<std::size_t>(
        std::find(columns.begin(), columns.end(), "resolved_hours") - columns.begin());
    ASSERT_LT(resolved_column, columns.size()) << row;
    std::size_t rows = 0, resolved_rows = 0;
    while (std::getline(table, row)) {
      ++rows;
      std::size_t start = 0;
      for (std::size_t k = 0; k < resolved_column; ++k) start = row.find(',', start) + 1;
      if (row[start] != ',') ++resolved_rows;  // this scenario's names hold no comma
    }
    std::istringstream records(sa.str());
    const auto lines = static_cast<std::size_t>(std::count(std::istreambuf_iterator<char>(records), {}, '\n'));
    EXPECT_EQ(rows, lines - 1);  // less the header
    std::uint64_t resolved_total = 0;
    for (const auto& rep : result.replications())
      for (const auto& c : rep.counters())
        if (c.name() == "tickets.resolved_total") resolved_total += c.value();
    EXPECT_EQ(resolved_rows, resolved_total);
  }
  fs::remove_all(dir);
}

}  // namespace
