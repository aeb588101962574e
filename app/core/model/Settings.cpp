#include "model/Settings.h"

#include "rules/BillingPeriod.h"
#include "support/Text.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTimeZone>
#include <QUrl>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(Settings)
};
} // namespace

namespace Settings {

QString plan()
{
    return QStringLiteral("plan");
}
QString anchorDay()
{
    return QStringLiteral("anchor_day");
}
QString timeZone()
{
    return QStringLiteral("time_zone");
}
QString installId()
{
    return QStringLiteral("install_id");
}
QString model(const QString& slot)
{
    return QStringLiteral("model.") + slot;
}
QString baseUrl(const QString& provider)
{
    return QStringLiteral("base_url.") + provider;
}

QVector<SettingDeclaration> declarations(const Catalog& catalog)
{
    QVector<SettingDeclaration> all;
    SettingDeclaration plan{
        Settings::plan(),
        catalog.plans().first().id,
        false,
        true,
        [&catalog](const QString& v) -> std::optional<QString> {
            if (catalog.plan(v))
                return std::nullopt;
            return Words::tr("Unknown plan %1; expected one of %2.").arg(Text::quoted(v), catalog.planIds());
        },
        Words::tr("Plan"),
        QStringLiteral("plan"),
        Role::Owner};
    plan.input = SettingInput::Choice;
    plan.choices = [&catalog] {
        QVector<SettingChoice> choices;
        for (const Plan& p : catalog.plans())
            choices.append({p.id, planText(p), shownText(p.typicalNote)});
        return choices;
    };
    plan.field = Words::tr("&Plan:");
    all.append(plan);
    for (const Slot& slot : catalog.modelSlots()) {
        SettingDeclaration m{
            model(slot.id),
            slot.defaultModel,
            false,
            true,
            [&catalog](const QString& v) -> std::optional<QString> {
                if (catalog.model(v))
                    return std::nullopt;
                return Words::tr("Unknown model %1; expected one of %2.").arg(Text::quoted(v), catalog.modelIds());
            },
            Words::tr("Model of %1").arg(shownText(slot.name)),
            QStringLiteral("model"),
            Role::Admin};
        m.input = SettingInput::Choice;
        m.choices = [&catalog] {
            QVector<SettingChoice> choices;
            for (const Model& model : catalog.models())
                choices.append(
                    {model.id, modelText(model), shownText(model.note) + QLatin1Char('\n') + priceText(model)});
            return choices;
        };
        m.field = shownText(slot.name).replace(QLatin1Char('&'), QStringLiteral("&&")) + QLatin1Char(':');
        all.append(m);
    }
    SettingDeclaration day{
        anchorDay(),
        QStringLiteral("1"),
        false,
        true,
        [](const QString& v) -> std::optional<QString> {
            bool isNumber = false;
            if (BillingCalendar::isValidAnchorDay(v.toInt(&isNumber)) && isNumber)
                return std::nullopt;
            return Words::tr("The anchor day must be between 1 and 28, not %1.").arg(Text::escaped(v));
        },
        Words::tr("Reset day"),
        QStringLiteral("period"),
        Role::Admin};
    day.input = SettingInput::Number;
    day.minimum = 1; // BillingCalendar::isValidAnchorDay: every month has the day
    day.maximum = 28;
    day.field = Words::tr("Credits reset on &day:");
    all.append(day);
    SettingDeclaration zone{
        timeZone(),
        QStringLiteral("UTC"),
        false,
        true,
        [](const QString& v) -> std::optional<QString> {
            if (QTimeZone(v.toUtf8()).isValid())
                return std::nullopt;
            return Words::tr("Unknown time zone %1; use an IANA name such as Europe/London.").arg(Text::quoted(v));
        },
        Words::tr("Time zone"),
        QStringLiteral("period"),
        Role::Admin};
    zone.input = SettingInput::Choice;
    zone.choices = [] {
        QVector<SettingChoice> choices;
        for (const QByteArray& id : QTimeZone::availableTimeZoneIds())
            choices.append({QString::fromUtf8(id), QString::fromUtf8(id), {}});
        return choices;
    };
    zone.field = Words::tr("In time &zone:");
    all.append(zone);
    for (const Provider& p : catalog.providers()) {
        SettingDeclaration url{baseUrl(p.id),
                               QString(),
                               true,
                               true,
                               [](const QString& v) -> std::optional<QString> {
                                   const QUrl url(v, QUrl::StrictMode);
                                   if (v.isEmpty() ||
                                       (url.isValid() && QStringList{"http", "https"}.contains(url.scheme()) &&
                                        !url.host().isEmpty() && url.userInfo().isEmpty()))
                                       return std::nullopt;
                                   return Words::tr("%1 is not an http or https address.").arg(Text::quoted(v));
                               },
                               Words::tr("%1 address").arg(p.name),
                               QStringLiteral("provider"),
                               Role::Admin};
        url.field = Words::tr("%1 &address:").arg(p.name);
        all.append(url);
    }
    // Created with the ledger (schema version 3): it names the keychain entries, so it never changes.
    all.append({installId(), QString(), false, false, [](const QString&) { return std::optional<QString>(); },
                Words::tr("Install id"), QString(), Role::Owner});
    return all;
}

std::optional<SettingDeclaration> declaration(const Catalog& catalog, const QString& name)
{
    for (SettingDeclaration& d : declarations(catalog))
        if (d.name == name)
            return std::move(d);
    return std::nullopt;
}

bool mayChange(const SettingDeclaration& setting, Role role)
{
    return setting.role == Role::Owner ? canChangePlan(role) : canAdminister(role);
}

QString planText(const Plan& plan)
{
    // %Ln: the count in the locale's digits ("2,000", "2.000"); the English forms come from ai-settings_en.ts.
    return Words::tr("%1 (%Ln credit(s) a month)", nullptr, int(plan.monthlyCredits)).arg(plan.name);
}

QString modelCost(const Model& model)
{
    return model.multiplier == 1 ? QString() : Words::tr("%1× credit cost").arg(QLocale().toString(model.multiplier));
}

QString dollarText(qint64 micro)
{
    const QLocale locale;
    QString cents = QString::number(micro % 1000000).rightJustified(6, QLatin1Char('0'));
    while (cents.size() > 2 && cents.endsWith(QLatin1Char('0')))
        cents.chop(1);
    const QString whole = locale.toString(micro / 1000000);
    return micro % 1000000 == 0 ? QStringLiteral("$") + whole
                                : QStringLiteral("$") + whole + locale.decimalPoint() + cents;
}

QString priceText(const Model& model)
{
    if (model.prices.isEmpty())
        return Words::tr("List price unknown.");
    const ModelPrice& p = model.prices.last();
    return Words::tr("List price since %1, per million tokens: %2 input, %3 output; the cache: %4 to write for five "
                     "minutes, %5 for an hour, %6 to read.")
        .arg(QLocale().toString(p.from, QStringLiteral("d MMM yyyy")), dollarText(p.input), dollarText(p.output),
             dollarText(p.cacheWrite5m), dollarText(p.cacheWrite1h), dollarText(p.cacheRead));
}

QString modelText(const Model& model)
{
    QString text = model.name + QStringLiteral(" — ") + shownText(model.note);
    if (const QString cost = modelCost(model); !cost.isEmpty())
        text += QStringLiteral(" · ") + cost;
    return text;
}

QList<QPair<QString, QString>> initialValues(const Catalog& catalog)
{
    QList<QPair<QString, QString>> values;
    for (const SettingDeclaration& d : declarations(catalog))
        if (!d.initial.isEmpty())
            values.append({d.name, d.initial});
    return values;
}

} // namespace Settings

PlanHistory::InForce planInForce(const Catalog& catalog, const LedgerSettings& settings, const BillingPeriod& period,
                                 qint64 asOf)
{
    return PlanHistory::inForce(catalog, settings.planChanges, settings.plan, period.start,
                                qBound(period.start, asOf, period.end - 1));
}
