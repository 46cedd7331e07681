//! The checks' pool: at most `workers` checks at once, each on a blocking
//! thread of its own, never on the threads that serve connections.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::Semaphore;

/// Why a job gave no result.
#[derive(Debug, PartialEq, Eq)]
pub enum PoolError {
    /// The job did not finish within the timeout (waiting included).
    TimedOut(Duration),
    /// The job panicked.
    Panicked,
}

/// Runs jobs on at most `workers` threads at a time.
pub struct Pool {
    permits: Arc<Semaphore>,
    timeout: Duration,
    running: Arc<AtomicUsize>,
    waiting: Arc<AtomicUsize>,
}

/// Counts one job in a counter while it lives, panics included.
struct Counted(Arc<AtomicUsize>);

impl Counted {
    fn new(counter: &Arc<AtomicUsize>) -> Counted {
        counter.fetch_add(1, Ordering::SeqCst);
        Counted(counter.clone())
    }
}

impl Drop for Counted {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Pool {
    pub fn new(workers: usize, timeout: Duration) -> Pool {
        Pool {
            permits: Arc::new(Semaphore::new(workers.max(1))),
            timeout,
            running: Arc::new(AtomicUsize::new(0)),
            waiting: Arc::new(AtomicUsize::new(0)),
        }
    }

    /// Runs `job` once a worker is free. A job whose request gives up
    /// while it waits never starts; one that has started runs to its end
    /// (a check cannot be interrupted) and keeps its worker until then, so
    /// the pool stays bounded even when answers time out.
    pub async fn run<T, F>(&self, job: F) -> Result<T, PoolError>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let work = async {
            let waiting = Counted::new(&self.waiting);
            let permit = self
                .permits
                .clone()
                .acquire_owned()
                .await
                .expect("the pool's semaphore is never closed");
            drop(waiting);
            let running = self.running.clone();
            tokio::task::spawn_blocking(move || {
                let _running = Counted::new(&running);
                let out = job();
                drop(permit);
                out
            })
            .await
        };
        match tokio::time::timeout(self.timeout, work).await {
            Ok(Ok(out)) => Ok(out),
            Ok(Err(_)) => Err(PoolError::Panicked),
            Err(_) => Err(PoolError::TimedOut(self.timeout)),
        }
    }

    /// Checks running now.
    pub fn running(&self) -> usize {
        self.running.load(Ordering::SeqCst)
    }

    /// Requests waiting for a worker now.
    pub fn waiting(&self) -> usize {
        self.waiting.load(Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap()
    }

    #[test]
    fn never_runs_more_jobs_than_workers() {
        let rt = runtime();
        let pool = Arc::new(Pool::new(2, Duration::from_secs(600)));
        let peak = Arc::new(AtomicUsize::new(0));
        let now = Arc::new(AtomicUsize::new(0));
        rt.block_on(async {
            let mut jobs = Vec::new();
            for _ in 0..16 {
                let (pool, peak, now) = (pool.clone(), peak.clone(), now.clone());
                jobs.push(tokio::spawn(async move {
                    pool.run(move || {
                        let n = now.fetch_add(1, Ordering::SeqCst) + 1;
                        peak.fetch_max(n, Ordering::SeqCst);
                        std::thread::sleep(Duration::from_millis(5));
                        now.fetch_sub(1, Ordering::SeqCst);
                    })
                    .await
                }));
            }
            for j in jobs {
                assert_eq!(j.await.unwrap(), Ok(()));
            }
        });
        assert!(peak.load(Ordering::SeqCst) <= 2);
        assert_eq!(pool.running(), 0);
        assert_eq!(pool.waiting(), 0);
    }

    #[test]
    fn a_panic_is_an_error_and_frees_its_worker() {
        let rt = runtime();
        let pool = Pool::new(1, Duration::from_secs(600));
        rt.block_on(async {
            let r: Result<(), _> = pool.run(|| panic!("on purpose")).await;
            assert_eq!(r, Err(PoolError::Panicked));
            assert_eq!(pool.run(|| 7).await, Ok(7));
        });
        assert_eq!(pool.running(), 0);
    }

    #[test]
    fn a_job_past_its_timeout_is_answered_and_keeps_its_worker() {
        let rt = runtime();
        let pool = Pool::new(1, Duration::from_millis(1));
        let (release, wait) = mpsc::channel::<()>();
        rt.block_on(async {
            // Blocks until released, so it cannot finish within 1 ms.
            let r = pool.run(move || wait.recv().ok()).await;
            assert_eq!(r, Err(PoolError::TimedOut(Duration::from_millis(1))));
            // The job was handed to a thread before the timeout; it holds
            // its worker until it ends.
            while pool.running() == 0 {
                tokio::time::sleep(Duration::from_millis(1)).await;
            }
            assert_eq!(
                pool.run(|| 7).await,
                Err(PoolError::TimedOut(Duration::from_millis(1)))
            );
        });
        release.send(()).unwrap();
    }
}
