#pragma once

#include "rules/Catalog.h"

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QUrl>

// How a provider's API is spoken, by the protocol the catalog names for it: how a key travels, how the model
// list pages, which header carries the request's id, and how an answer says the account cannot spend. A provider
// that speaks one of these is a catalog entry; one that speaks neither is one more subclass here.
class ProviderProtocol
{
public:
    virtual ~ProviderProtocol() = default;

    static const ProviderProtocol& of(const Provider& provider);
    // `path` below the API's base; a configured base may already end in the path's first part
    // ("http://gateway/v1" for "/v1/models").
    static QUrl endpoint(const QUrl& base, const QString& path);

    // Puts the key in the request's headers (never in its URL).
    virtual void authorise(QNetworkRequest& request, const QString& key) const = 0;
    // A GET of `url` as the program sends every request to a provider: its own User-Agent, the key authorised,
    // and the beta feature it needs named, if any (Provider::ReadOnlyReports::beta).
    QNetworkRequest request(const QUrl& url, const QString& key, const QString& betaFeature = {}) const;
    // Asks for the page of models after `afterId` (empty: the first), where the list pages.
    virtual void pageAfter(QUrl& url, const QString& afterId) const = 0;
    // Asks for the smallest usage report there is, one day's bucket from `now` (ms) back: what a usage key is
    // checked with, since reading the reports is what it is for.
    virtual void usageProbe(QUrl& url, qint64 now) const = 0;
    virtual QByteArray requestIdHeader() const = 0;
    // Names a beta feature the request needs, where the protocol has such features.
    virtual void askForBeta(QNetworkRequest& request, const QString& feature) const = 0;
    // The account exists but cannot spend until someone raises its limit or adds credit (DESIGN.md §1, out of
    // budget), whatever the status and whether the answer says when to ask again.
    virtual bool accountCannotSpend(int status, const QJsonObject& error) const = 0;
};
