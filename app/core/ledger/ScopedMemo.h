#pragma once

#include "ledger/Database.h"

#include <QHash>

// What a store read once inside a read scope (Database::ReadScope), answered again while the same scope lasts:
// every read in a scope sees one snapshot, so the second answer is the first, and nothing is written inside one
// (Database::begin refuses it). Outside a scope nothing is kept.
template <typename Key, typename Value> class ScopedMemo
{
public:
    const Value* find(const Database& db, const Key& key) const
    {
        if (db.readScope() == 0 || db.readScope() != m_scope)
            return nullptr;
        const auto it = m_values.constFind(key);
        return it == m_values.constEnd() ? nullptr : &it.value();
    }

    void keep(const Database& db, const Key& key, const Value& value)
    {
        if (db.readScope() == 0)
            return;
        if (db.readScope() != m_scope) {
            m_values.clear();
            m_scope = db.readScope();
        }
        m_values.insert(key, value);
    }

private:
    quint64 m_scope = 0;
    QHash<Key, Value> m_values;
};
