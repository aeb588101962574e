#pragma once

#include "ledger/Ledger.h"
#include "rules/Catalog.h"
#include "support/Result.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>
#include <QTextStream>

#include <memory>

namespace Cli {

// The command line's own sentences, in the user's language (translation context "Cli").
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

enum ExitCode
{
    Done = 0,
    RefusedByRule = 1,
    BadUsage = 2,
    StorageUnavailable = 3
};

// What every command gets: the streams, the catalog and the database it works on.
class Context
{
public:
    Context(const Catalog& catalog, QString databasePath);

    QTextStream out;
    QTextStream err;
    const Catalog& catalog;
    QString databasePath;
    QElapsedTimer sinceStart; // started as the command line starts, for bounds on a whole command

    // Opens the ledger on first use; prints the failure and returns null when it cannot, leaving its exit code in
    // openFailure (2 for an address that is not one, 3 for storage that cannot be reached).
    Ledger* ledger();
    int openFailure = StorageUnavailable;
    int fail(const Failure& failure); // prints the sentence, returns its exit code
    int usageError(const QString& message, const QString& command);

private:
    std::unique_ptr<Ledger> m_ledger;
};

struct Command
{
    const char* name;
    const char* usage;   // the synopsis lines of DESIGN.md §3
    const char* summary; // one line for the overview
    const char* details; // what --help adds: arguments, options and what comes out
    int (*run)(Context& context, const QStringList& arguments);
};

// Parses a command's arguments; on failure prints the reason and the usage, and returns the exit code to use.
std::optional<int> parseArguments(Context& context, QCommandLineParser& parser, const QStringList& arguments,
                                  const char* command);
int printHelp(Context& context, const char* command);
const Command* findCommand(const QString& name);

// "COMMAND VERB [ARGS]": the verb, one of `verbs` (the first when none is given), and its arguments, whose
// count must match `argCounts`.
struct Verb
{
    QString name;
    QStringList args;
};
std::optional<Verb> verbOf(const QCommandLineParser& parser, const QStringList& verbs, const QList<int>& argCounts);

int report(Context& context, const QStringList& arguments);
int record(Context& context, const QStringList& arguments);
int importUsage(Context& context, const QStringList& arguments);
int exportUsage(Context& context, const QStringList& arguments);
int plan(Context& context, const QStringList& arguments);
int models(Context& context, const QStringList& arguments);
int tenants(Context& context, const QStringList& arguments);
int members(Context& context, const QStringList& arguments);
int period(Context& context, const QStringList& arguments);
int keys(Context& context, const QStringList& arguments);
int db(Context& context, const QStringList& arguments);
int audit(Context& context, const QStringList& arguments);
int spend(Context& context, const QStringList& arguments);
// Removes a tenant after deleting its keys from the keychain.
Status removeTenantAndKeys(Ledger& ledger, const QString& tenant);

QString formatCredits(qint64 credits); // "2,000"; "2.000" in German (the user's locale)

} // namespace Cli
