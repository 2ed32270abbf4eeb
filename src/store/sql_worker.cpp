#include "sql_worker.h"

namespace gw::store {

SqlWorker::SqlWorker()
{
    setObjectName(u"gwstore-worker"_qs);
}

SqlWorker::~SqlWorker()
{
    finish();
}

void SqlWorker::post(Job job)
{
    QMutexLocker lock(&m_mutex);
    m_jobs.push_back(std::move(job));
    if (!m_accepting) {
        // The loop has ended (or never began): let a thread that is still closing its
        // connection finish, then start a new one for this job.
        wait();
        m_stopping = false;
        m_accepting = true;
        start();
    }
    m_wake.wakeOne();
}

void SqlWorker::finish()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_wake.wakeOne();
    }
    wait();
}

void SqlWorker::run()
{
    Database db; // lives and dies on this thread, like its connection
    for (;;) {
        Job job;
        {
            QMutexLocker lock(&m_mutex);
            while (m_jobs.empty() && !m_stopping)
                m_wake.wait(&m_mutex);
            if (m_jobs.empty()) {
                m_accepting = false; // stopping and drained; a later post() starts a new thread
                break;
            }
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        job(db);
    }
    db.close();
}

} // namespace gw::store
