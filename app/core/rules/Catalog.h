#pragma once

#include "support/Result.h"

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>
#include <QVector>

// Everything the program knows of a provider comes from here: code asks these, never compares a provider's id.
struct Provider
{
    // How its API is spoken: how a key is sent, how the model list pages, which header names a request and how
    // an answer says the account cannot spend (ProviderProtocol). Many providers speak OpenAI's.
    enum class Protocol
    {
        Anthropic,
        OpenAi
    };

    QString id;
    QString name;
    QString family;    // what the product's sentences call its keys ("your organisation's Claude API key")
    QString console;   // where an administrator gets, rotates and funds keys ("https://console.anthropic.com")
    QString keyPrefix; // every API key of the provider starts so ("sk-ant-")
    QStringList adminKeyPrefixes; // keys that manage the organisation and cannot run AI actions ("sk-ant-admin")
    Protocol protocol = Protocol::OpenAi;
    QString baseUrl;         // the public API ("https://api.anthropic.com")
    QString baseUrlVariable; // the environment variable the provider's own SDKs read for another base, if any
    QString modelsPath;      // the list of models a key may use, below the base ("/v1/models")
    // The organisation's usage report, which only its usage keys (admin keys) may read; empty: the provider
    // has none the program knows ("/v1/organizations/usage_report/messages").
    QString usagePath;
    // A read-only key for the usage and cost reports, where the provider offers one (Anthropic's Usage and Cost
    // Analytics API, keys with the read:analytics scope): its reports count the organisation's usage per model, not
    // per key. The key looks like an API key, so only the provider can tell one from the other. Empty: none.
    struct ReadOnlyReports
    {
        QString usagePath; // "/v1/organizations/analytics/usage_report"
        QString costPath;  // "/v1/organizations/analytics/cost_report"
        QString beta;      // the beta feature the requests name ("analytics-usage-cost-2026-08-24"), if any
        int maxDays = 31;  // the most days one request may span
        bool offered() const { return !usagePath.isEmpty(); }
    } readOnlyReports;
    QString consoleHost() const { return QString(console).remove(QStringLiteral("https://")); }
};

// A model's list price per million tokens of each kind, from a day on, in micro-dollars: exact integers ($0.30
// is 300,000), never floating point.
struct ModelPrice
{
    QDate from; // the first day (UTC) it holds
    qint64 input = 0;
    qint64 cacheWrite5m = 0; // writing the prompt cache for five minutes
    qint64 cacheWrite1h = 0; // … for an hour
    qint64 cacheRead = 0;
    qint64 output = 0;
};

struct Model
{
    QString id;
    QString name;
    QString note;
    int multiplier = 1;
    QVector<ModelPrice> prices; // oldest first; empty: the price is unknown
    // The price in force on `day`, or null: unknown (before the first, or none listed), never a guess.
    const ModelPrice* priceOn(const QDate& day) const;
};

// A workload whose model the administrator chooses ("Content & Themes", "Analysis & Triggers").
struct Slot
{
    QString id;
    QString name;
    QString defaultModel;
};

struct Action
{
    QString id;
    QString name;
    QString description;
    int baseCredits = 0;
    QString provider;
    QString slot; // empty: the action has no model choice and always costs its base
};

struct Plan
{
    QString id;
    QString name;
    int monthlyCredits = 0;
    bool tenantKeys = false;
    // The product pages' "typical usage" of a month: runs per action id, in catalog order, or a note instead.
    QVector<QPair<QString, int>> typical;
    QString typicalNote;
};

struct RateLimitRule
{
    int windowMinutes = 60;
    int onCredits = 20;
    int onByok = 200;
};

// Actions, models, slots and plans: product data from resources/catalog.json, validated once at start.
class Catalog
{
public:
    static Result<Catalog> fromJson(const QByteArray& json);
    // The catalog compiled into the program.
    static Result<Catalog> builtIn();

    const QVector<Provider>& providers() const { return m_providers; }
    const QVector<Model>& models() const { return m_models; }
    const QVector<Slot>& modelSlots() const { return m_slots; }
    const QVector<Action>& actions() const { return m_actions; }
    const QVector<Plan>& plans() const { return m_plans; }
    const RateLimitRule& rateLimit() const { return m_rateLimit; }

    const Provider* provider(QStringView id) const;
    // The refusal of a provider id the catalog does not know, wherever one is given.
    Failure unknownProvider(const QString& id) const;
    // The provider whose API keys look like `key` (the longest key prefix it starts with), or nullptr.
    const Provider* providerOfKey(QStringView key) const;
    const Model* model(QStringView id) const;
    const Slot* modelSlot(QStringView id) const;
    const Action* action(QStringView id) const;
    // Plans are matched case-insensitively by id or name, so "Professional" and "professional" both work.
    const Plan* plan(QStringView idOrName) const;

    // The catalog models a key can use, given the model ids its provider listed for it. A provider id names a
    // catalog model exactly or as a dated snapshot ("claude-haiku-4-5-20251001" is "claude-haiku-4-5").
    QStringList modelsListed(const QStringList& providerModelIds) const;
    static bool namesModel(QStringView providerModelId, QStringView catalogModelId);
    // The provider whose actions run on the slot's model.
    const Provider* slotProvider(QStringView slotId) const;

    QString actionIds() const;
    QString modelIds() const;
    QString planIds() const;

private:
    QVector<Provider> m_providers;
    QVector<Model> m_models;
    QVector<Slot> m_slots;
    QVector<Action> m_actions;
    QVector<Plan> m_plans;
    RateLimitRule m_rateLimit;
};

// A catalog text (an action's or slot's name, a description, a model's note) in the user's language; the catalog,
// the ledger and machine-readable output keep the English original.
QString shownText(const QString& english);
// An action's name as it reads inside a sentence in the user's language: "theme generation", "Theme-Erstellung".
QString inSentence(const QString& english);
