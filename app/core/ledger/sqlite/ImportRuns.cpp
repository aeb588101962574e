#include "ledger/sqlite/ImportRuns.h"

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryFile>

#include <algorithm>
#include <cstring>
#include <optional>
#include <queue>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(UsageBook)
};

// A row in a run's file: the fixed part, then the id's bytes.
constexpr int fixedBytes = 8 + 4 + 4 + 3 * 4 + 1 + 1;
constexpr qint64 readAhead = 1 << 20;

int compareIds(const char* a, int aLength, const char* b, int bLength)
{
    // SQLite's BINARY collation, which orders the events' id index: bytes, then the shorter first.
    const int c = std::memcmp(a, b, size_t(std::min(aLength, bLength)));
    return c != 0 ? c : aLength - bLength;
}

// The id's first eight bytes as one number that orders as they do under compareIds: big-endian, and zero where the
// id is shorter (a valid id holds no zero byte, so a shorter id with the same start still comes first).
quint64 idPrefix(const QByteArray& id)
{
    quint64 prefix = 0;
    for (int i = 0; i < 8; ++i)
        prefix = (prefix << 8) | (i < id.size() ? quint8(id[i]) : 0);
    return prefix;
}

bool before(const ImportRuns::Row& a, const ImportRuns::Row& b)
{
    const int c = compareIds(a.id.constData(), int(a.id.size()), b.id.constData(), int(b.id.size()));
    return c != 0 ? c < 0 : a.line < b.line;
}

// Where the runs go: the system's folder for temporary files ($TMPDIR, else /tmp). Qt answers an empty path when
// $TMPDIR names a folder that does not exist, which would put the files at the root of the file system.
QString temporaryFolder()
{
    const QString folder = QDir::tempPath();
    return folder.isEmpty() ? qEnvironmentVariable("TMPDIR") : folder;
}

Failure fileFailed(const QString& why)
{
    return unavailable(Words::tr("The import could not use its temporary file in %1: %2.")
                           .arg(QDir::toNativeSeparators(temporaryFolder()), why));
}

Failure fileFailed(const QFileDevice& file)
{
    return fileFailed(file.errorString());
}

// One sorted run, read back a row at a time.
class Source
{
public:
    virtual ~Source() = default;
    // False at the end, or when reading failed (failure() says why).
    virtual bool next() = 0;
    virtual std::optional<Failure> failure() const { return std::nullopt; }
    ImportRuns::Row row;
};

class FileSource : public Source
{
public:
    explicit FileSource(QTemporaryFile& file) : m_file(file) { m_file.seek(0); }
    bool next() override
    {
        if (!ensure(fixedBytes + 1))
            return false;
        const char* p = m_buffer.constData() + m_at;
        quint8 billing = 0, idLength = 0;
        std::memcpy(&row.occurredAt, p, 8);
        std::memcpy(&row.line, p + 8, 4);
        std::memcpy(&row.credits, p + 12, 4);
        std::memcpy(&row.tenant, p + 16, 4);
        std::memcpy(&row.action, p + 20, 4);
        std::memcpy(&row.model, p + 24, 4);
        std::memcpy(&billing, p + 28, 1);
        std::memcpy(&idLength, p + 29, 1);
        if (!ensure(fixedBytes + idLength))
            return false;
        p = m_buffer.constData() + m_at;
        row.billing = CreditRules::Billing(billing);
        row.id.resize(idLength);
        std::memcpy(row.id.data(), p + fixedBytes, idLength);
        m_at += fixedBytes + idLength;
        return true;
    }
    std::optional<Failure> failure() const override { return m_failure; }

private:
    // At least `bytes` unread bytes in the buffer, unless the file ends (a row cut short is a failure).
    bool ensure(qsizetype bytes)
    {
        if (m_buffer.size() - m_at >= bytes)
            return true;
        m_buffer.remove(0, m_at);
        m_at = 0;
        while (m_buffer.size() < bytes) {
            const qsizetype kept = m_buffer.size();
            m_buffer.resize(kept + readAhead);
            const qint64 got = m_file.read(m_buffer.data() + kept, readAhead);
            m_buffer.resize(kept + std::max<qint64>(got, 0));
            if (got < 0) {
                m_failure = fileFailed(m_file);
                return false;
            }
            if (got == 0) {
                if (!m_buffer.isEmpty())
                    m_failure = fileFailed(Words::tr("it ends in the middle of a row"));
                return false;
            }
        }
        return true;
    }

    QTemporaryFile& m_file;
    QByteArray m_buffer;
    qsizetype m_at = 0;
    std::optional<Failure> m_failure;
};

} // namespace

ImportRuns::ImportRuns(qsizetype bytesPerRun) : m_bytesPerRun(bytesPerRun) {}

ImportRuns::~ImportRuns() = default;

quint32 ImportRuns::numberOf(const QString& text)
{
    // The file's reader gives a piece's rows one shared string per distinct text, so most lookups go by the
    // string's address, without hashing its characters. Each address stays held (m_heldTexts), so it cannot come back
    // as another text's.
    const auto known = m_byAddress.constFind(text.constData());
    if (known != m_byAddress.constEnd())
        return known.value();
    auto it = m_numbers.constFind(text);
    if (it == m_numbers.constEnd()) {
        it = m_numbers.insert(text, quint32(m_texts.size()));
        m_texts.append(text);
        m_utf8.append(text.toUtf8());
    }
    m_heldTexts.append(text);
    m_byAddress.insert(text.constData(), it.value());
    return it.value();
}

Status ImportRuns::add(const ImportRow& row)
{
    const UsageEvent& e = row.event;
    const QByteArray id = e.id.toLatin1(); // a valid id is ASCII, at most 128 characters
    Held held{idPrefix(id),      e.occurredAt,          row.line,
              e.credits,         numberOf(e.tenant),    numberOf(e.action),
              numberOf(e.model), quint32(m_ids.size()), quint8(std::min<qsizetype>(id.size(), 255)),
              quint8(e.billing)};
    m_ids.append(id.constData(), held.idLength);
    m_held.push_back(held);
    m_heldSorted = false;
    ++m_rows;
    if (qsizetype(m_held.size() * sizeof(Held)) + m_ids.size() >= m_bytesPerRun)
        return writeHeld();
    return success();
}

void ImportRuns::sortHeld()
{
    if (m_heldSorted)
        return;
    m_heldSorted = true;
    const char* ids = m_ids.constData();
    std::sort(m_held.begin(), m_held.end(), [ids](const Held& a, const Held& b) {
        if (a.idPrefix != b.idPrefix)
            return a.idPrefix < b.idPrefix;
        const int c = compareIds(ids + a.idOffset, a.idLength, ids + b.idOffset, b.idLength);
        return c != 0 ? c < 0 : a.line < b.line;
    });
}

Status ImportRuns::writeHeld()
{
    sortHeld();
    if (QDir::tempPath().isEmpty())
        return fileFailed(Words::tr("the folder does not exist"));
    auto file = std::make_unique<QTemporaryFile>(QDir::tempPath() + QStringLiteral("/ai-settings-import-XXXXXX"));
    if (!file->open())
        return fileFailed(*file);
    QByteArray out;
    out.reserve(readAhead + fixedBytes + 256);
    for (const Held& h : m_held) {
        char fixed[fixedBytes];
        std::memcpy(fixed, &h.occurredAt, 8);
        std::memcpy(fixed + 8, &h.line, 4);
        std::memcpy(fixed + 12, &h.credits, 4);
        std::memcpy(fixed + 16, &h.tenant, 4);
        std::memcpy(fixed + 20, &h.action, 4);
        std::memcpy(fixed + 24, &h.model, 4);
        std::memcpy(fixed + 28, &h.billing, 1);
        std::memcpy(fixed + 29, &h.idLength, 1);
        out.append(fixed, fixedBytes);
        out.append(m_ids.constData() + h.idOffset, h.idLength);
        if (out.size() >= readAhead) {
            if (file->write(out) != out.size())
                return fileFailed(*file);
            out.clear();
        }
    }
    if (file->write(out) != out.size() || !file->flush())
        return fileFailed(*file);
    m_files.push_back(std::move(file));
    m_held.clear();
    m_held.shrink_to_fit();
    m_ids.clear();
    m_ids.squeeze();
    return success();
}

namespace {
// The run still in memory, already sorted: rows come from `next`.
class HeldSource : public Source
{
public:
    explicit HeldSource(std::function<bool(ImportRuns::Row&)> next) : m_next(std::move(next)) {}
    bool next() override { return m_next(row); }

private:
    std::function<bool(ImportRuns::Row&)> m_next;
};
} // namespace

Status ImportRuns::read(const std::function<bool(const Row&)>& visit)
{
    // The last run stays in memory: a file that fits one run never touches the disk.
    sortHeld();
    std::vector<std::unique_ptr<Source>> sources;
    for (const auto& file : m_files)
        sources.push_back(std::make_unique<FileSource>(*file));
    size_t held = 0;
    sources.push_back(std::make_unique<HeldSource>([this, &held](Row& row) {
        if (held == m_held.size())
            return false;
        const Held& h = m_held[held++];
        row.occurredAt = h.occurredAt;
        row.line = h.line;
        row.credits = h.credits;
        row.tenant = h.tenant;
        row.action = h.action;
        row.model = h.model;
        row.billing = CreditRules::Billing(h.billing);
        row.id.resize(h.idLength);
        std::memcpy(row.id.data(), m_ids.constData() + h.idOffset, h.idLength);
        return true;
    }));

    const auto later = [](const Source* a, const Source* b) { return before(b->row, a->row); };
    std::priority_queue<Source*, std::vector<Source*>, decltype(later)> heads(later);
    for (const auto& source : sources) {
        if (source->next())
            heads.push(source.get());
        else if (const auto failed = source->failure())
            return *failed;
    }
    while (!heads.empty()) {
        Source* head = heads.top();
        heads.pop();
        if (!visit(head->row))
            return success();
        if (head->next())
            heads.push(head);
        else if (const auto failed = head->failure())
            return *failed;
    }
    return success();
}

Result<ImportRuns::Repeats> ImportRuns::repeatedIds()
{
    // In (id, line) order, a row with the id of the row before it repeats an earlier line.
    Repeats repeats;
    QByteArray previous;
    const Status read = this->read([&](const Row& row) {
        if (row.id == previous) {
            if (repeats.count++ == 0 || row.line < repeats.firstLine) {
                repeats.firstLine = row.line;
                repeats.firstId = QString::fromLatin1(row.id);
            }
        } else {
            // Copied into its own buffer: sharing row.id's would make the next row's id a fresh allocation.
            previous.resize(row.id.size());
            std::memcpy(previous.data(), row.id.constData(), size_t(row.id.size()));
        }
        return true;
    });
    if (!read)
        return read.failure();
    return repeats;
}
