#pragma once

#include "model/UsageEvent.h"
#include "support/Result.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVector>

#include <functional>
#include <memory>
#include <vector>

class QTemporaryFile;

// An import's rows in id order (then line), for SQLite, in bounded memory: rows are kept until a run's worth is
// held, then sorted and written to a temporary file of their own; reading merges the runs. Each row is written
// once and read back once a pass. (A temporary table sorted by an index over every column did the same through
// SQLite's own B-tree and sorter: a third of a 10M import's time once the sorter spilled to disk.)
class ImportRuns
{
public:
    // The memory a run may take before it goes to a file: rows and their ids.
    explicit ImportRuns(qsizetype bytesPerRun = 48 << 20);
    ~ImportRuns();
    ImportRuns(const ImportRuns&) = delete;
    ImportRuns& operator=(const ImportRuns&) = delete;

    Status add(const ImportRow& row);
    qint64 size() const { return m_rows; }

    // A row as read back. Tenant, action and model are numbers of texts the runs keep once each.
    struct Row
    {
        QByteArray id; // a valid event id: ASCII
        int line = 0;
        qint64 occurredAt = 0;
        int credits = 0;
        CreditRules::Billing billing = CreditRules::Billing::Credits;
        quint32 tenant = 0, action = 0, model = 0;
    };
    const QString& text(quint32 number) const { return m_texts.at(number); }
    const QByteArray& utf8(quint32 number) const { return m_utf8.at(number); }

    // Every row in (id, line) order, as many times as asked; `visit` answers false to stop.
    Status read(const std::function<bool(const Row&)>& visit);

    // The rows whose id an earlier line gave already: how many, and the first of them by line.
    struct Repeats
    {
        qint64 count = 0;
        int firstLine = 0;
        QString firstId;
    };
    Result<Repeats> repeatedIds();

private:
    // A row in memory: its id lies in m_ids, its first eight bytes also in `idPrefix` (big-endian, zero-padded),
    // which orders most pairs of ids without reaching into m_ids.
    struct Held
    {
        quint64 idPrefix;
        qint64 occurredAt;
        qint32 line;
        qint32 credits;
        quint32 tenant, action, model;
        quint32 idOffset;
        quint8 idLength;
        quint8 billing;
    };
    quint32 numberOf(const QString& text);
    void sortHeld();
    Status writeHeld();

    qsizetype m_bytesPerRun;
    qint64 m_rows = 0;
    std::vector<Held> m_held;
    bool m_heldSorted = true;
    QByteArray m_ids;
    std::vector<std::unique_ptr<QTemporaryFile>> m_files;
    QVector<QString> m_texts;
    QVector<QByteArray> m_utf8;
    QHash<QString, quint32> m_numbers;
    QHash<const QChar*, quint32> m_byAddress;
    QVector<QString> m_heldTexts; // keeps m_byAddress's addresses taken
};
