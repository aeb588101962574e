// plan, models, tenants, members and period: show or change the install's settings.
#include "CliSupport.h"

#include "services/SpendService.h"
#include "words/SpendSentences.h"

#include "model/Settings.h"
#include "support/IsoTime.h"
#include "support/Text.h"
#include "words/AdminSentences.h"
#include "words/UsageSentences.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace Cli {

namespace {

int finish(Context& context, const Status& status, const QString& done)
{
    if (!status)
        return context.fail(status.failure());
    context.out << done << '\n';
    return Done;
}

} // namespace

int plan(Context& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    if (const auto exit = parseArguments(context, parser, arguments, "plan"))
        return *exit;
    const auto verb = verbOf(parser, {QStringLiteral("show"), QStringLiteral("set")}, {0, 1});
    if (!verb)
        return context.usageError(Words::tr("plan takes \"show\" or \"set PLAN\"."), QStringLiteral("plan"));
    Ledger* ledger = context.ledger();
    if (!ledger)
        return context.openFailure;
    const auto before = ledger->settings().current();
    if (!before)
        return context.fail(before.failure());
    if (verb->name == QLatin1String("set")) {
        if (const Status s = ledger->settings().setPlan(verb->args.first()); !s)
            return context.fail(s.failure());
    }
    const auto settings = ledger->settings().load();
    const auto running = ledger->usage().report(std::nullopt, std::nullopt);
    if (!settings || !running)
        return context.fail((!settings ? settings.failure() : running.failure()));
    if (verb->name == QLatin1String("set")) {
        context.out << UsageSentences::planChanged(*before->plan, *settings->plan, running.value()) << '\n';
    } else {
        // The plan the rules follow today, tenant keys included; a downgrade still waiting is told below.
        const Plan& now = *settings->planNow;
        context.out << AdminSentences::installPlan(settings.value()) << ' ' << AdminSentences::tenantKeys(now) << '\n'
                    << AdminSentences::typicalMonth(now, context.catalog) << '\n';
    }
    if (const QString pending = UsageSentences::pendingPlan(running.value()); !pending.isEmpty())
        context.out << pending << '\n';
    return Done;
}

namespace {

// The slot's runs on keys in dollars (exact decimal text), estimated from the providers' reports; null without one.
QJsonValue dollarsJson(const ModelChangePreview& p)
{
    if (!p.byokDollars)
        return QJsonValue();
    const ModelChangePreview::DollarEstimate& e = *p.byokDollars;
    const auto dollars = [](const std::optional<qint64>& micros) {
        return micros ? QJsonValue(SpendSentences::exactDollars(*micros)) : QJsonValue();
    };
    return QJsonObject{{QStringLiteral("first_day"), e.first.toString(Qt::ISODate)},
                       {QStringLiteral("last_day"), e.last.toString(Qt::ISODate)},
                       {QStringLiteral("runs"), e.slotRuns},
                       {QStringLiteral("runs_on_model"), e.modelRuns},
                       {QStringLiteral("tokens"), QJsonObject{{QStringLiteral("input"), e.tokens.input},
                                                              {QStringLiteral("cache_write_5m"), e.tokens.cacheWrite5m},
                                                              {QStringLiteral("cache_write_1h"), e.tokens.cacheWrite1h},
                                                              {QStringLiteral("cache_read"), e.tokens.cacheRead},
                                                              {QStringLiteral("output"), e.tokens.output}}},
                       {QStringLiteral("at_model"), dollars(e.atCurrent)},
                       {QStringLiteral("at_new_model"), dollars(e.atNext)},
                       {QStringLiteral("basis"), QStringLiteral("list_price")},
                       {QStringLiteral("across_generations"), e.acrossGenerations}};
}

QJsonObject previewJson(const ModelChangePreview& p)
{
    const QTimeZone zone(p.timeZone.toUtf8());
    const auto moment = [&](const std::optional<qint64>& at) {
        return at ? QJsonValue(IsoTime::format(*at, zone)) : QJsonValue();
    };
    const CreditRules::ModelChange& c = p.change;
    return QJsonObject{{QStringLiteral("slot"), p.slot->id},
                       {QStringLiteral("model"), p.current->id},
                       {QStringLiteral("new_model"), p.next->id},
                       {QStringLiteral("days"), c.days},
                       {QStringLiteral("credit_runs"), c.creditRuns},
                       {QStringLiteral("credits_charged"), c.creditsCharged},
                       {QStringLiteral("credits_at_model"), c.creditsAtCurrent},
                       {QStringLiteral("credits_at_new_model"), c.creditsAtNext},
                       {QStringLiteral("byok_runs"), c.byokRuns},
                       {QStringLiteral("runs_out_at"), moment(c.tooEarly ? std::nullopt : p.runsOutAtNow)},
                       {QStringLiteral("runs_out_at_with_new_model"), moment(c.runsOutAt)},
                       {QStringLiteral("resets_at"), IsoTime::format(p.resetsAt, zone)},
                       {QStringLiteral("too_early_for_a_forecast"), c.tooEarly},
                       {QStringLiteral("byok_dollars"), dollarsJson(p)}};
}

} // namespace

int models(Context& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption forceOption(QStringLiteral("force"));
    const QCommandLineOption jsonOption(QStringLiteral("json"));
    parser.addOptions({forceOption, jsonOption});
    if (const auto exit = parseArguments(context, parser, arguments, "models"))
        return *exit;
    const auto verb =
        verbOf(parser, {QStringLiteral("show"), QStringLiteral("set"), QStringLiteral("preview")}, {0, 2, 2});
    if (!verb || (parser.isSet(forceOption) && verb->name != QLatin1String("set")) ||
        (parser.isSet(jsonOption) && verb->name != QLatin1String("preview")))
        return context.usageError(
            Words::tr("models takes \"show\", \"set SLOT MODEL_ID [--force]\" or \"preview SLOT MODEL_ID [--json]\"."),
            QStringLiteral("models"));
    Ledger* ledger = context.ledger();
    if (!ledger)
        return context.openFailure;
    if (verb->name == QLatin1String("preview")) {
        const auto preview = SpendService::previewSlotModel(*ledger, verb->args[0], verb->args[1]);
        if (!preview)
            return context.fail(preview.failure());
        if (parser.isSet(jsonOption))
            context.out << QJsonDocument(previewJson(preview.value())).toJson(QJsonDocument::Indented);
        else
            context.out << AdminSentences::modelChange(preview.value(), context.catalog) << '\n';
        return Done;
    }
    if (verb->name == QLatin1String("set")) {
        const Status s = ledger->setSlotModel(verb->args[0], verb->args[1], parser.isSet(forceOption));
        if (!s && s.failure().needsConfirmation) {
            Failure f = s.failure();
            f.message.chop(1);
            f.message += Words::tr("; add --force to choose it anyway.");
            return context.fail(f);
        }
        if (!s)
            return context.fail(s.failure());
    }
    const auto settings = ledger->settings().current();
    if (!settings)
        return context.fail(settings.failure());
    for (const Slot& slot : context.catalog.modelSlots()) {
        const Model* m = context.catalog.model(settings->slotModels.value(slot.id));
        const QString cost = Settings::modelCost(*m);
        context.out << shownText(slot.name) << " (" << slot.id << "): " << m->name << " [" << m->id << ']'
                    << (cost.isEmpty() ? QString() : QStringLiteral(", ") + cost) << '\n';
    }
    return Done;
}

int tenants(Context& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption nameOption(QStringLiteral("name"), {}, QStringLiteral("NAME"));
    parser.addOption(nameOption);
    if (const auto exit = parseArguments(context, parser, arguments, "tenants"))
        return *exit;
    const auto verb = verbOf(
        parser, {QStringLiteral("list"), QStringLiteral("add"), QStringLiteral("rename"), QStringLiteral("remove")},
        {0, 1, 1, 1});
    if (!verb || (verb->name == QLatin1String("rename") && !parser.isSet(nameOption)))
        return context.usageError(
            Words::tr("tenants takes \"list\", \"add ID\", \"rename ID --name NAME\" or \"remove ID\"."),
            QStringLiteral("tenants"));
    Ledger* ledger = context.ledger();
    if (!ledger)
        return context.openFailure;
    if (verb->name == QLatin1String("add"))
        return finish(context, ledger->directory().addTenant(verb->args.first(), parser.value(nameOption)),
                      AdminSentences::tenantAdded(Text::escaped(verb->args.first())));
    if (verb->name == QLatin1String("rename"))
        return finish(context, ledger->directory().renameTenant(verb->args.first(), parser.value(nameOption)),
                      AdminSentences::tenantRenamed(Text::escaped(verb->args.first())));
    if (verb->name == QLatin1String("remove"))
        return finish(context, removeTenantAndKeys(*ledger, verb->args.first()),
                      AdminSentences::tenantRemoved(Text::escaped(verb->args.first())));
    const auto list = ledger->directory().tenants();
    if (!list)
        return context.fail(list.failure());
    if (list->isEmpty())
        context.out << Words::tr("No tenants.") << '\n';
    // Names in one column, two spaces after the longest id.
    qsizetype idWidth = 0;
    for (const Tenant& t : list.value())
        idWidth = qMax(idWidth, Text::escaped(t.id).size());
    for (const Tenant& t : list.value()) {
        const QString id = Text::escaped(t.id);
        context.out << (t.name != t.id
                            ? id.leftJustified(idWidth + 2) + Text::escaped(t.name, Text::maxDisplayNameLength)
                            : id)
                    << '\n';
    }
    return Done;
}

int members(Context& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption roleOption(QStringLiteral("role"), {}, QStringLiteral("owner|admin|recorder|viewer"));
    parser.addOption(roleOption);
    if (const auto exit = parseArguments(context, parser, arguments, "members"))
        return *exit;
    const auto verb =
        verbOf(parser, {QStringLiteral("list"), QStringLiteral("add"), QStringLiteral("remove")}, {0, 1, 1});
    if (!verb)
        return context.usageError(Words::tr("members takes \"list\", \"add USER --role ROLE\" or \"remove USER\"."),
                                  QStringLiteral("members"));
    const auto role = roleFromId(parser.value(roleOption));
    if (verb->name == QLatin1String("add") && !role)
        return context.usageError(Words::tr("members add needs --role owner, admin, recorder or viewer."),
                                  QStringLiteral("members"));
    Ledger* ledger = context.ledger();
    if (!ledger)
        return context.openFailure;
    if (verb->name == QLatin1String("add"))
        return finish(context, ledger->directory().setMember(verb->args.first(), *role),
                      AdminSentences::memberSet(Text::escaped(verb->args.first()), *role));
    if (verb->name == QLatin1String("remove"))
        return finish(context, ledger->directory().removeMember(verb->args.first()),
                      AdminSentences::memberRemoved(Text::escaped(verb->args.first())));
    const auto list = ledger->directory().members();
    if (!list)
        return context.fail(list.failure());
    // Roles in one column, two spaces after the longest name.
    qsizetype nameWidth = 0;
    for (const Member& m : list.value())
        nameWidth = qMax(nameWidth, Text::escaped(m.userName).size());
    for (const Member& m : list.value())
        context.out << Text::escaped(m.userName).leftJustified(nameWidth + 2) << roleLabel(m.role) << '\n';
    return Done;
}

int period(Context& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption anchorOption(QStringLiteral("anchor-day"), {}, QStringLiteral("N"));
    const QCommandLineOption zoneOption(QStringLiteral("time-zone"), {}, QStringLiteral("ZONE"));
    parser.addOptions({anchorOption, zoneOption});
    if (const auto exit = parseArguments(context, parser, arguments, "period"))
        return *exit;
    const auto verb = verbOf(parser, {QStringLiteral("show"), QStringLiteral("set")}, {0, 0});
    const bool setting = verb && verb->name == QLatin1String("set");
    if (!verb || (setting && !parser.isSet(anchorOption) && !parser.isSet(zoneOption)))
        return context.usageError(Words::tr("period takes \"show\" or \"set\" with --anchor-day and/or --time-zone."),
                                  QStringLiteral("period"));
    bool anchorIsNumber = true;
    const int anchor = parser.isSet(anchorOption) ? parser.value(anchorOption).toInt(&anchorIsNumber) : 0;
    if (!anchorIsNumber)
        return context.usageError(Words::tr("--anchor-day must be a day of the month from 1 to 28."),
                                  QStringLiteral("period"));
    Ledger* ledger = context.ledger();
    if (!ledger)
        return context.openFailure;
    auto settings = ledger->settings().current();
    if (!settings)
        return context.fail(settings.failure());
    if (setting) {
        // Either option alone keeps the other as chosen last.
        const auto chosen =
            ledger->setBillingCalendar(parser.isSet(anchorOption) ? anchor : settings->anchorDay,
                                       parser.isSet(zoneOption) ? parser.value(zoneOption) : settings->timeZone);
        if (!chosen)
            return context.fail(chosen.failure());
        context.out << AdminSentences::calendarChoice(chosen.value(), ledger->now(), true) << '\n';
        return Done;
    }
    const auto now = ledger->usage().report(std::nullopt, std::nullopt);
    if (!now)
        return context.fail(now.failure());
    const auto snapshot = ledger->settings().snapshot();
    if (!snapshot)
        return context.fail(snapshot.failure());
    const MonthlyCalendar& inForce = snapshot->calendar->calendarAt(ledger->now());
    context.out << AdminSentences::resetRule(inForce.anchorDay(), QString::fromUtf8(inForce.zone().id())) << ' '
                << UsageSentences::periodRuns(now->period) << '\n';
    if (const QString pending = UsageSentences::pendingCalendar(now.value()); !pending.isEmpty())
        context.out << pending << '\n';
    return Done;
}

} // namespace Cli
