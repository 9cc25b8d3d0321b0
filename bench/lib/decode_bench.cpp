// Decode speed of a large query reply, all in one run on the same bytes: JsonTree (cold = first decode
// in the process, into fresh memory; warm = later decodes reusing the memory of trees that died; by
// default with a helper thread, and on the calling thread only), simdjson's DOM, QJsonDocument, and
// the official SDK's decoder, Node's JSON.parse, run in a child process. Absolute figures swing with
// machine load; the same-run ratios are what to compare.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <vector>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryFile>

#include <simdjson.h>

#include "json/jsontree.h"

namespace {

// Deterministic generator so every run decodes the same bytes.
class Random {
public:
    std::uint64_t next()
    {
        m_state ^= m_state << 13;
        m_state ^= m_state >> 7;
        m_state ^= m_state << 17;
        return m_state;
    }
    int below(int n) { return int(next() % std::uint64_t(n)); }

private:
    std::uint64_t m_state = 0x9e3779b97f4a7c15ULL;
};

void appendUuid(QByteArray &out, Random &rng)
{
    static constexpr char hex[] = "0123456789abcdef";
    out.append('"');
    for (int i = 0; i < 36; ++i) {
        out.append((i == 8 || i == 13 || i == 18 || i == 23) ? '-' : hex[rng.below(16)]);
    }
    out.append('"');
}

void appendText(QByteArray &out, Random &rng, int words)
{
    static const char *const vocabulary[] = {"alpha", "build", "ship", "review", "fix", "Grüße", "deploy", "test",
        "write", "docs", "plan", "\\\"quoted\\\"", "naïve", "line\\nbreak"};
    out.append('"');
    for (int i = 0; i < words; ++i) {
        if (i) {
            out.append(' ');
        }
        out.append(vocabulary[rng.below(int(std::size(vocabulary)))]);
    }
    out.append('"');
}

void appendTodo(QByteArray &out, Random &rng)
{
    out.append("{\"id\":");
    appendUuid(out, rng);
    out.append(",\"title\":");
    appendText(out, rng, 2 + rng.below(6));
    out.append(",\"done\":");
    out.append(rng.below(2) ? "true" : "false");
    out.append(",\"priority\":");
    out.append(QByteArray::number(rng.below(1000)));
    out.append(",\"estimate\":");
    out.append(QByteArray::number(double(rng.below(100000)) / 64.0));
    out.append(",\"createdAt\":");
    out.append(QByteArray::number(1717243200000LL + rng.below(1000000000)));
    out.append(",\"notes\":null}");
}

// A reply of the shape /admin/query returns for {"goals":{"owner":{},"todos":{}}}.
QByteArray generateReply(qsizetype targetBytes)
{
    Random rng;
    QByteArray out;
    out.reserve(targetBytes + 4096);
    out.append("{\"goals\":[");
    bool first = true;
    while (out.size() < targetBytes) {
        if (!first) {
            out.append(',');
        }
        first = false;
        out.append("{\"id\":");
        appendUuid(out, rng);
        out.append(",\"title\":");
        appendText(out, rng, 3 + rng.below(8));
        out.append(",\"progress\":");
        out.append(QByteArray::number(double(rng.below(10000)) / 100.0));
        out.append(",\"tags\":[\"a\",\"b\",\"c\"],\"owner\":[{\"id\":");
        appendUuid(out, rng);
        out.append(",\"email\":\"user");
        out.append(QByteArray::number(rng.below(100000)));
        out.append("@example.com\"}],\"todos\":[");
        const int todos = rng.below(12);
        for (int t = 0; t < todos; ++t) {
            if (t) {
                out.append(',');
            }
            appendTodo(out, rng);
        }
        out.append("]}");
    }
    out.append("]}");
    return out;
}

struct Walk {
    qint64 nodes = 0;
    qint64 stringBytes = 0;
    double numbers = 0;
};

void walk(const instant::JsonNode &node, Walk &w)
{
    ++w.nodes;
    switch (node.type()) {
    case instant::JsonNode::Type::String:
        w.stringBytes += node.stringView().size();
        break;
    case instant::JsonNode::Type::Number:
        w.numbers += node.toDouble();
        break;
    case instant::JsonNode::Type::Array:
    case instant::JsonNode::Type::Object:
        for (qsizetype i = 0, n = node.size(); i < n; ++i) {
            walk(node.at(i), w);
        }
        break;
    default:
        break;
    }
}

double megabytesPerSecond(qsizetype bytes, qint64 nsecs)
{
    return (double(bytes) / 1e6) / (double(nsecs) / 1e9);
}

qint64 median(std::vector<qint64> times)
{
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

qint64 best(const std::vector<qint64> &times)
{
    return *std::min_element(times.begin(), times.end());
}

struct NodeFigures {
    QString version;
    double first = 0;
    double median = 0;
    double best = 0;
};

// JSON.parse on the very same bytes, in a child node process: the file is read and decoded to a JS
// string outside the timed loop (as fetch's text() would), then parsed kRuns times, each result kept
// alive until the next parse replaces it, as a reply held by the SDK is.
std::optional<NodeFigures> measureNode(const QByteArray &reply, int runs, QString &why)
{
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty()) {
        why = QStringLiteral("node not found on PATH");
        return std::nullopt;
    }
    QTemporaryFile file;
    if (!file.open() || file.write(reply) != reply.size() || !file.flush()) {
        why = QStringLiteral("cannot write the reply to a temporary file");
        return std::nullopt;
    }
    static const char script[] = R"(
const fs = require('fs');
const text = fs.readFileSync(process.argv[1], 'utf8');
const bytes = fs.statSync(process.argv[1]).size;
const runs = Number(process.argv[2]);
const times = [];
let keep = null;
for (let i = 0; i < runs; ++i) {
    const t0 = process.hrtime.bigint();
    keep = JSON.parse(text);
    times.push(Number(process.hrtime.bigint() - t0));
}
if (!Array.isArray(keep.goals)) throw new Error('unexpected reply');
const rate = (ns) => (bytes / 1e6) / (ns / 1e9);
const first = times[0];
times.sort((a, b) => a - b);
console.log(process.version, rate(first), rate(times[times.length >> 1]), rate(times[0]));
)";
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(node, {QStringLiteral("-e"), QString::fromUtf8(script), file.fileName(), QString::number(runs)});
    if (!process.waitForFinished(300000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        process.kill();
        why = QStringLiteral("node failed: %1").arg(process.errorString());
        return std::nullopt;
    }
    const QList<QByteArray> fields = process.readAllStandardOutput().trimmed().split(' ');
    if (fields.size() != 4) {
        why = QStringLiteral("unexpected output from node");
        return std::nullopt;
    }
    return NodeFigures {QString::fromUtf8(fields[0]), fields[1].toDouble(), fields[2].toDouble(), fields[3].toDouble()};
}

// First decodes in fresh processes of this benchmark (`--cold`): one per process, so a range needs several.
std::vector<qint64> measureColdInFreshProcesses(int processes)
{
    std::vector<qint64> times;
    for (int i = 0; i < processes; ++i) {
        QProcess process;
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--cold")});
        if (!process.waitForFinished(300000) || process.exitCode() != 0) {
            process.kill();
            continue;
        }
        const QList<QByteArray> lines = process.readAllStandardOutput().trimmed().split('\n');
        if (const qint64 time = lines.last().toLongLong(); time > 0) {
            times.push_back(time);
        }
    }
    return times;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qsizetype target = 50 * 1000 * 1000;
    const QByteArray reply = generateReply(target);
    std::printf("reply: %.1f MB\n", double(reply.size()) / 1e6);
    // `decode_bench --write FILE` saves the generated reply for comparisons with other decoders.
    if (const QStringList args = app.arguments(); args.size() == 3 && args.at(1) == u"--write") {
        QFile file(args.at(2));
        return file.open(QIODevice::WriteOnly) && file.write(reply) == reply.size() ? 0 : 1;
    }

    // `decode_bench --cold` decodes once in this fresh process and prints the time in nanoseconds; the
    // main run starts itself this way a few times to report a range for first decodes.
    if (app.arguments().size() == 2 && app.arguments().at(1) == u"--cold") {
        QByteArray copy(reply.constData(), reply.size());
        QElapsedTimer timer;
        timer.start();
        const auto parsed = instant::JsonTree::parse(std::move(copy));
        const qint64 time = timer.nsecsElapsed();
        std::printf("%lld\n", parsed ? time : -1LL);
        return parsed ? 0 : 1;
    }

    // The reply is handed over the way a network reply is: as a QByteArray of its own, without spare
    // capacity, that the decoder may grow for simdjson's padding. The first run is the first decode in
    // this process: fresh memory, page faults included. Later runs reuse the buffers of the tree that
    // died just before, as a live query replacing its result does.
    constexpr int kRuns = 15;
    instant::JsonTree tree;
    // Decode times of kRuns runs; empty if a decode fails.
    const auto timeDecodes = [&](instant::JsonTree::Threads threads) {
        std::vector<qint64> times;
        for (int run = 0; run < kRuns; ++run) {
            QByteArray copy(reply.constData(), reply.size());
            tree = instant::JsonTree();
            QElapsedTimer timer;
            timer.start();
            auto parsed = instant::JsonTree::parse(std::move(copy), threads);
            times.push_back(timer.nsecsElapsed());
            if (!parsed) {
                std::fprintf(stderr, "JsonTree failed: %s\n", qPrintable(parsed.error().message));
                return std::vector<qint64>();
            }
            tree = *parsed;
        }
        return times;
    };
    const std::vector<qint64> treeTimes = timeDecodes(instant::JsonTree::Threads::CallerAndHelper);
    const std::vector<qint64> oneThreadTimes = timeDecodes(instant::JsonTree::Threads::CallerOnly);
    if (treeTimes.empty() || oneThreadTimes.empty()) {
        return 1;
    }
    const qint64 coldTime = treeTimes.front();
    const std::vector<qint64> warmTimes(treeTimes.begin() + 1, treeTimes.end());

    // simdjson's DOM (reused parser, padded input): a full decode into its own tape, for comparison.
    std::vector<qint64> simdTimes;
    {
        simdjson::dom::parser parser;
        const simdjson::padded_string padded(reply.constData(), std::size_t(reply.size()));
        for (int run = 0; run < 5; ++run) {
            QElapsedTimer timer;
            timer.start();
            simdjson::dom::element root;
            if (parser.parse(padded).get(root) != simdjson::SUCCESS) {
                return 1;
            }
            simdTimes.push_back(timer.nsecsElapsed());
        }
    }

    std::vector<qint64> qtTimes;
    qsizetype qtGoals = 0;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer timer;
        timer.start();
        const QJsonDocument doc = QJsonDocument::fromJson(reply);
        qtTimes.push_back(timer.nsecsElapsed());
        qtGoals = doc.object().value(QStringLiteral("goals")).toArray().size();
    }

    const std::vector<qint64> freshColdTimes = measureColdInFreshProcesses(3);

    QString nodeProblem;
    const std::optional<NodeFigures> sdk = measureNode(reply, 11, nodeProblem);

    Walk w;
    QElapsedTimer walkTimer;
    walkTimer.start();
    walk(tree.root(), w);
    const qint64 walkTime = walkTimer.nsecsElapsed();

    const qsizetype goals = tree.root().value(u"goals").size();
    if (goals != qtGoals || w.nodes != tree.nodeCount()) {
        std::fprintf(stderr, "mismatch: %lld vs %lld goals, %lld vs %lld nodes\n", qint64(goals), qint64(qtGoals),
            qint64(w.nodes), qint64(tree.nodeCount()));
        return 1;
    }

    const double warmRate = megabytesPerSecond(reply.size(), median(warmTimes));
    const double warmBest = megabytesPerSecond(reply.size(), best(warmTimes));
    const double coldRate = megabytesPerSecond(reply.size(), coldTime);
    const double simdRate = megabytesPerSecond(reply.size(), median(simdTimes));
    const double oneThreadRate = megabytesPerSecond(reply.size(), median(oneThreadTimes));
    const double qtRate = megabytesPerSecond(reply.size(), median(qtTimes));
    std::printf("entities: %lld goals, %lld nodes, tree %.1f MB (%.2f bytes/input byte)\n", qint64(goals),
        qint64(tree.nodeCount()), double(tree.byteSize()) / 1e6, double(tree.byteSize()) / double(reply.size()));
    std::printf("JsonTree::parse cold:    %7.1f MB/s (first decode in the process, fresh memory)\n", coldRate);
    if (!freshColdTimes.empty()) {
        std::printf("JsonTree::parse cold:    %7.1f - %.1f MB/s in %d fresh processes\n",
            megabytesPerSecond(reply.size(), *std::max_element(freshColdTimes.begin(), freshColdTimes.end())),
            megabytesPerSecond(reply.size(), best(freshColdTimes)), int(freshColdTimes.size()));
    }
    std::printf("JsonTree::parse warm:    %7.1f MB/s median, %7.1f MB/s best (%d runs, memory reused)\n", warmRate,
        warmBest, int(warmTimes.size()));
    std::printf("JsonTree::parse warm:    %7.1f MB/s median on the calling thread only\n", oneThreadRate);
    std::printf(
        "simdjson DOM:            %7.1f MB/s median (full decode to its tape, no index by position)\n", simdRate);
    std::printf("QJsonDocument::fromJson: %7.1f MB/s median (%d runs)\n", qtRate, int(qtTimes.size()));
    if (sdk) {
        std::printf("JSON.parse (node %s): %7.1f MB/s median, %7.1f MB/s best, %7.1f MB/s first run\n",
            qPrintable(sdk->version), sdk->median, sdk->best, sdk->first);
    } else {
        std::printf("JSON.parse: not measured (%s); comparing with QJsonDocument only\n", qPrintable(nodeProblem));
    }
    std::printf("full traversal: %.1f ms (%.1f M nodes/s, %lld string bytes)\n", double(walkTime) / 1e6,
        double(w.nodes) / (double(walkTime) / 1e9) / 1e6, qint64(w.stringBytes));
    std::printf("ratio JsonTree/QJsonDocument: %.1fx warm, %.1fx cold\n", warmRate / qtRate, coldRate / qtRate);
    if (sdk) {
        std::printf("ratio JsonTree/JSON.parse (median): %.1fx warm, %.1fx cold (target 8x)\n", warmRate / sdk->median,
            coldRate / sdk->median);
        std::printf("ratio JsonTree/JSON.parse (best runs): %.1fx warm\n", warmBest / sdk->best);
        std::printf("ratio JsonTree cold / JSON.parse first run: %.1fx\n", coldRate / sdk->first);
        std::printf("ratio JsonTree on one thread / JSON.parse (median): %.1fx warm\n", oneThreadRate / sdk->median);
    }
    return 0;
}
