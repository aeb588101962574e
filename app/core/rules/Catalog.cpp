#include "rules/Catalog.h"

#include "support/Decimal.h"
#include "support/Text.h"

#include <algorithm>

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(CatalogFile)
};
} // namespace

namespace {

// Collects the first problem found while reading the catalog, with where it was.
class Reader
{
public:
    QString error;

    QString text(const QJsonObject& o, const char* key, const QString& where, bool allowEmpty = false)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isString() || (!allowEmpty && v.toString().isEmpty()))
            fail(QStringLiteral("%1 needs a text \"%2\"").arg(where, QLatin1String(key)));
        return v.toString();
    }

    int positive(const QJsonObject& o, const char* key, const QString& where)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d < 1 || d > 1000000 || d != static_cast<int>(d))
            fail(QStringLiteral("%1 needs a positive whole number \"%2\"").arg(where, QLatin1String(key)));
        return static_cast<int>(d);
    }

    // Dollars as a decimal text ("3.75"), exactly, in micro-dollars: up to six places, never through a double.
    qint64 dollars(const QJsonObject& o, const char* key, const QString& where)
    {
        static const QRegularExpression decimal(QStringLiteral("^(\\d{1,6})(?:\\.(\\d{1,6}))?$"));
        const QJsonValue v = o.value(QLatin1String(key));
        const auto m = decimal.match(v.toString());
        if (!v.isString() || !m.hasMatch()) {
            fail(QStringLiteral("%1 needs a decimal text \"%2\" in dollars per million tokens, such as \"3.75\"")
                     .arg(where, QLatin1String(key)));
            return 0;
        }
        return Decimal::scaled(m.captured(0), 6).value_or(0); // exact: at most six places
    }

    QJsonArray list(const QJsonObject& o, const char* key)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isArray() || v.toArray().isEmpty())
            fail(QStringLiteral("the catalog needs a non-empty list \"%1\"").arg(QLatin1String(key)));
        return v.toArray();
    }

    void fail(const QString& why)
    {
        if (error.isEmpty())
            error = why;
    }
};

template <typename T> const T* findById(const QVector<T>& items, QStringView id)
{
    for (const T& item : items)
        if (item.id == id)
            return &item;
    return nullptr;
}

template <typename T> QString joinIds(const QVector<T>& items)
{
    QStringList ids;
    for (const T& item : items)
        ids << item.id;
    return ids.join(QStringLiteral(", "));
}

template <typename T> void requireUniqueIds(const QVector<T>& items, const char* what, Reader& r)
{
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9_.-]*$"));
    QSet<QString> seen;
    for (const T& item : items) {
        if (!idPattern.match(item.id).hasMatch())
            r.fail(QStringLiteral("%1 id \"%2\" is not a lowercase identifier").arg(QLatin1String(what), item.id));
        if (seen.contains(item.id))
            r.fail(QStringLiteral("%1 id \"%2\" appears twice").arg(QLatin1String(what), item.id));
        seen.insert(item.id);
    }
}

} // namespace

const ModelPrice* Model::priceOn(const QDate& day) const
{
    const ModelPrice* inForce = nullptr;
    for (const ModelPrice& p : prices)
        if (p.from <= day)
            inForce = &p;
    return inForce;
}

Result<Catalog> Catalog::fromJson(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return unavailable(Words::tr("The catalog is not valid JSON (%1 at offset %2).")
                               .arg(parseError.errorString())
                               .arg(parseError.offset));
    const QJsonObject root = doc.object();
    Reader r;
    Catalog c;

    for (const QJsonValue& v : r.list(root, "providers")) {
        const QJsonObject o = v.toObject();
        Provider p;
        p.id = r.text(o, "id", QStringLiteral("a provider"));
        const QString where = QStringLiteral("provider \"%1\"").arg(p.id);
        p.name = r.text(o, "name", where);
        p.family = r.text(o, "family", where);
        p.console = r.text(o, "console", where);
        p.keyPrefix = r.text(o, "keyPrefix", where);
        for (const QJsonValue& prefix : o.value(QLatin1String("adminKeyPrefixes")).toArray())
            p.adminKeyPrefixes << prefix.toString();
        if (p.adminKeyPrefixes.contains(QString()))
            r.fail(QStringLiteral("%1 has an empty admin key prefix").arg(where));
        // The one place a protocol is named: the catalog's word for it becomes the program's.
        const QString protocol = r.text(o, "protocol", where);
        if (protocol == QLatin1String("anthropic"))
            p.protocol = Provider::Protocol::Anthropic;
        else if (protocol == QLatin1String("openai"))
            p.protocol = Provider::Protocol::OpenAi;
        else
            r.fail(
                QStringLiteral("%1 speaks unknown protocol \"%2\"; expected anthropic or openai").arg(where, protocol));
        p.baseUrl = r.text(o, "baseUrl", where);
        p.baseUrlVariable = r.text(o, "baseUrlVariable", where, true);
        p.modelsPath = r.text(o, "modelsPath", where);
        if (!p.modelsPath.startsWith(QLatin1Char('/')))
            r.fail(QStringLiteral("%1 needs a \"modelsPath\" that starts with /").arg(where));
        if (o.contains(QLatin1String("usagePath")))
            p.usagePath = r.text(o, "usagePath", where);
        if (!p.usagePath.isEmpty() && (!p.usagePath.startsWith(QLatin1Char('/')) || p.adminKeyPrefixes.isEmpty()))
            r.fail(QStringLiteral("%1 needs a \"usagePath\" that starts with / and admin key prefixes to read it")
                       .arg(where));
        if (o.contains(QLatin1String("readOnlyReports"))) {
            const QJsonObject ro = o.value(QLatin1String("readOnlyReports")).toObject();
            const QString roWhere = where + QStringLiteral("'s read-only reports");
            p.readOnlyReports.usagePath = r.text(ro, "usagePath", roWhere);
            p.readOnlyReports.costPath = r.text(ro, "costPath", roWhere);
            if (ro.contains(QLatin1String("beta")))
                p.readOnlyReports.beta = r.text(ro, "beta", roWhere);
            p.readOnlyReports.maxDays = int(r.positive(ro, "maxDays", roWhere));
            if (!p.readOnlyReports.usagePath.startsWith(QLatin1Char('/')) ||
                !p.readOnlyReports.costPath.startsWith(QLatin1Char('/')) || p.usagePath.isEmpty())
                r.fail(QStringLiteral("%1 need paths that start with / and a \"usagePath\" beside them").arg(roWhere));
        }
        c.m_providers.append(p);
    }
    for (const QJsonValue& v : r.list(root, "models")) {
        const QJsonObject o = v.toObject();
        const QString where = QStringLiteral("model \"%1\"").arg(o.value(QLatin1String("id")).toString());
        Model m{r.text(o, "id", where),
                r.text(o, "name", where),
                r.text(o, "note", where, true),
                r.positive(o, "multiplier", where),
                {}};
        // Optional: a model without prices is shown as "price unknown".
        for (const QJsonValue& pv : o.value(QLatin1String("prices")).toArray()) {
            const QJsonObject po = pv.toObject();
            const QString at = QStringLiteral("%1 price %2").arg(where).arg(m.prices.size() + 1);
            ModelPrice p;
            p.from = QDate::fromString(po.value(QLatin1String("from")).toString(), Qt::ISODate);
            if (!p.from.isValid())
                r.fail(QStringLiteral("%1 needs a date \"from\" (YYYY-MM-DD)").arg(at));
            else if (!m.prices.isEmpty() && p.from <= m.prices.last().from)
                r.fail(QStringLiteral("%1 starts no later than the one before it; list prices oldest first").arg(at));
            p.input = r.dollars(po, "input", at);
            p.cacheWrite5m = r.dollars(po, "cacheWrite5m", at);
            p.cacheWrite1h = r.dollars(po, "cacheWrite1h", at);
            p.cacheRead = r.dollars(po, "cacheRead", at);
            p.output = r.dollars(po, "output", at);
            m.prices.append(p);
        }
        if (o.contains(QLatin1String("prices")) && !o.value(QLatin1String("prices")).isArray())
            r.fail(QStringLiteral("%1 needs \"prices\" as a list").arg(where));
        c.m_models.append(m);
    }
    for (const QJsonValue& v : r.list(root, "slots")) {
        const QJsonObject o = v.toObject();
        const QString where = QStringLiteral("slot \"%1\"").arg(o.value(QLatin1String("id")).toString());
        c.m_slots.append({r.text(o, "id", where), r.text(o, "name", where), r.text(o, "defaultModel", where)});
    }
    for (const QJsonValue& v : r.list(root, "actions")) {
        const QJsonObject o = v.toObject();
        const QString where = QStringLiteral("action \"%1\"").arg(o.value(QLatin1String("id")).toString());
        Action a;
        a.id = r.text(o, "id", where);
        a.name = r.text(o, "name", where);
        a.description = r.text(o, "description", where, true);
        a.baseCredits = r.positive(o, "baseCredits", where);
        a.provider = r.text(o, "provider", where);
        a.slot = r.text(o, "slot", where, true);
        c.m_actions.append(a);
    }
    for (const QJsonValue& v : r.list(root, "plans")) {
        const QJsonObject o = v.toObject();
        const QString where = QStringLiteral("plan \"%1\"").arg(o.value(QLatin1String("id")).toString());
        const QJsonValue tenantKeys = o.value(QLatin1String("tenantKeys"));
        if (!tenantKeys.isBool())
            r.fail(QStringLiteral("%1 needs a true/false \"tenantKeys\"").arg(where));
        Plan p{r.text(o, "id", where),
               r.text(o, "name", where),
               r.positive(o, "monthlyCredits", where),
               tenantKeys.toBool(),
               {},
               o.value(QLatin1String("typicalNote")).toString()};
        const QJsonObject typical = o.value(QLatin1String("typical")).toObject();
        for (auto it = typical.begin(); it != typical.end(); ++it)
            p.typical.append({it.key(), r.positive(typical, it.key().toLatin1().constData(), where)});
        // In the order the actions are listed, not the file's (JSON objects have none).
        const auto rank = [&c](const QString& id) {
            for (qsizetype i = 0; i < c.m_actions.size(); ++i)
                if (c.m_actions[i].id == id)
                    return i;
            return c.m_actions.size();
        };
        std::sort(p.typical.begin(), p.typical.end(),
                  [&](const auto& a, const auto& b) { return rank(a.first) < rank(b.first); });
        if (p.typical.isEmpty() && p.typicalNote.isEmpty())
            r.fail(QStringLiteral("%1 needs its \"typical\" usage or a \"typicalNote\"").arg(where));
        c.m_plans.append(p);
    }
    const QJsonObject limit = root.value(QLatin1String("rateLimit")).toObject();
    const QString limitWhere = QStringLiteral("the rate limit");
    c.m_rateLimit = {r.positive(limit, "windowMinutes", limitWhere), r.positive(limit, "onCredits", limitWhere),
                     r.positive(limit, "onByok", limitWhere)};

    requireUniqueIds(c.m_providers, "provider", r);
    requireUniqueIds(c.m_models, "model", r);
    requireUniqueIds(c.m_slots, "slot", r);
    requireUniqueIds(c.m_actions, "action", r);
    requireUniqueIds(c.m_plans, "plan", r);
    for (const Slot& s : c.m_slots)
        if (!c.model(s.defaultModel))
            r.fail(QStringLiteral("slot \"%1\" defaults to unknown model \"%2\"").arg(s.id, s.defaultModel));
    for (const Plan& p : c.m_plans)
        for (const auto& [action, runs] : p.typical)
            if (!c.action(action))
                r.fail(
                    QStringLiteral("plan \"%1\" names unknown action \"%2\" in its typical usage").arg(p.id, action));
    for (const Action& a : c.m_actions) {
        if (!c.provider(a.provider))
            r.fail(QStringLiteral("action \"%1\" names unknown provider \"%2\"").arg(a.id, a.provider));
        if (!a.slot.isEmpty() && !c.modelSlot(a.slot))
            r.fail(QStringLiteral("action \"%1\" names unknown slot \"%2\"").arg(a.id, a.slot));
    }

    if (!r.error.isEmpty())
        return unavailable(Words::tr("The catalog is broken: %1.").arg(r.error));
    return c;
}

Result<Catalog> Catalog::builtIn()
{
    // The resource lives in a static library; naming it here keeps the linker from dropping it.
    Q_INIT_RESOURCE(resources);
    QFile file(QStringLiteral(":/ai-settings/catalog.json"));
    if (!file.open(QIODevice::ReadOnly))
        return unavailable(Words::tr("The built-in catalog is missing from the program."));
    return fromJson(file.readAll());
}

const Provider* Catalog::provider(QStringView id) const
{
    return findById(m_providers, id);
}

Failure Catalog::unknownProvider(const QString& id) const
{
    QStringList ids;
    for (const Provider& p : m_providers)
        ids << p.id;
    const QString last = ids.takeLast();
    const QString expected = ids.isEmpty() ? last : Words::tr("%1 or %2").arg(ids.join(QStringLiteral(", ")), last);
    return badInput(Words::tr("Unknown provider %1; expected %2.").arg(Text::quoted(id), expected));
}

const Provider* Catalog::providerOfKey(QStringView key) const
{
    const Provider* found = nullptr;
    for (const Provider& p : m_providers)
        if (key.startsWith(p.keyPrefix) && (!found || p.keyPrefix.size() > found->keyPrefix.size()))
            found = &p;
    return found;
}
const Model* Catalog::model(QStringView id) const
{
    return findById(m_models, id);
}
const Slot* Catalog::modelSlot(QStringView id) const
{
    return findById(m_slots, id);
}
const Action* Catalog::action(QStringView id) const
{
    return findById(m_actions, id);
}

const Plan* Catalog::plan(QStringView idOrName) const
{
    for (const Plan& p : m_plans)
        if (idOrName.compare(p.id, Qt::CaseInsensitive) == 0 || idOrName.compare(p.name, Qt::CaseInsensitive) == 0)
            return &p;
    return nullptr;
}

bool Catalog::namesModel(QStringView providerModelId, QStringView catalogModelId)
{
    if (providerModelId == catalogModelId)
        return true;
    // A dated snapshot: the catalog id, a dash and an eight-digit date.
    if (providerModelId.size() != catalogModelId.size() + 9 || !providerModelId.startsWith(catalogModelId) ||
        providerModelId[catalogModelId.size()] != QLatin1Char('-'))
        return false;
    for (QChar c : providerModelId.mid(catalogModelId.size() + 1))
        if (!c.isDigit())
            return false;
    return true;
}

QStringList Catalog::modelsListed(const QStringList& providerModelIds) const
{
    QStringList usable;
    for (const Model& m : m_models)
        for (const QString& listed : providerModelIds)
            if (namesModel(listed, m.id)) {
                usable << m.id;
                break;
            }
    return usable;
}

const Provider* Catalog::slotProvider(QStringView slotId) const
{
    for (const Action& a : m_actions)
        if (a.slot == slotId)
            return provider(a.provider);
    return nullptr;
}

QString Catalog::actionIds() const
{
    return joinIds(m_actions);
}
QString Catalog::modelIds() const
{
    return joinIds(m_models);
}
QString Catalog::planIds() const
{
    return joinIds(m_plans);
}
