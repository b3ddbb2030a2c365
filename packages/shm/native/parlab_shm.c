// parlab's native shared memory: POSIX segments (shm_open/mmap) as ArrayBuffers, futex waits and
// wakes on their words across processes, and a connect that has written its hello before it returns.
#define _GNU_SOURCE
#define NAPI_VERSION 8
#include <node_api.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#define NAME_MAX_BYTES 250

// Outcomes shared with the JavaScript side (src/native.ts).
enum { OUTCOME_OK = 0, OUTCOME_NOT_EQUAL = 1, OUTCOME_TIMED_OUT = 2 };

#define CHECK(env, call)                                   \
  do {                                                     \
    if ((call) != napi_ok) {                               \
      napi_throw_error((env), NULL, "N-API call failed: " #call); \
      return NULL;                                         \
    }                                                      \
  } while (0)

/** Throws an Error whose `code` is the errno's name (EEXIST, ENOENT…), so callers can map it. */
static napi_value throw_errno(napi_env env, int err, const char* what) {
  const char* code;
  switch (err) {
    case EEXIST: code = "EEXIST"; break;
    case ENOENT: code = "ENOENT"; break;
    case EACCES: code = "EACCES"; break;
    case EINVAL: code = "EINVAL"; break;
    case ENOMEM: code = "ENOMEM"; break;
    case ENOSPC: code = "ENOSPC"; break;
    case EMFILE: code = "EMFILE"; break;
    case ENAMETOOLONG: code = "ENAMETOOLONG"; break;
    case ECONNREFUSED: code = "ECONNREFUSED"; break;
    default: code = "EUNKNOWN"; break;
  }
  char message[512];
  snprintf(message, sizeof message, "%s: %s", what, strerror(err));
  napi_throw_error(env, code, message);
  return NULL;
}

static int get_name(napi_env env, napi_value value, char* out) {
  size_t length = 0;
  out[0] = '/';
  if (napi_get_value_string_utf8(env, value, out + 1, NAME_MAX_BYTES, &length) != napi_ok || length == 0 || length >= NAME_MAX_BYTES - 1) {
    napi_throw_type_error(env, NULL, "a segment name must be a string of 1 to 248 bytes");
    return 0;
  }
  return 1;
}

static void unmap(napi_env env, void* data, void* hint) {
  (void)env;
  munmap(data, (size_t)(uintptr_t)hint);
}

/** Maps `fd` (size bytes) and wraps it as an external ArrayBuffer that unmaps when collected. */
static napi_value map_fd(napi_env env, int fd, size_t size, const char* what) {
  void* addr = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  int err = errno;
  close(fd);
  if (addr == MAP_FAILED) return throw_errno(env, err, what);
  napi_value buffer;
  if (napi_create_external_arraybuffer(env, addr, size, unmap, (void*)(uintptr_t)size, &buffer) != napi_ok) {
    munmap(addr, size);
    napi_throw_error(env, NULL, "could not wrap the mapped segment as an ArrayBuffer");
    return NULL;
  }
  return buffer;
}

// create(name, size) → ArrayBuffer: a new segment (fails with EEXIST if the name is taken).
static napi_value create(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  CHECK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  char name[NAME_MAX_BYTES + 2];
  if (!get_name(env, argv[0], name)) return NULL;
  int64_t size = 0;
  if (napi_get_value_int64(env, argv[1], &size) != napi_ok || size <= 0) {
    napi_throw_range_error(env, NULL, "a segment size must be a positive integer");
    return NULL;
  }
  int fd = shm_open(name, O_CREAT | O_EXCL | O_RDWR, 0600);
  if (fd < 0) return throw_errno(env, errno, "shm_open");
  if (ftruncate(fd, (off_t)size) != 0) {
    int err = errno;
    close(fd);
    shm_unlink(name);
    return throw_errno(env, err, "ftruncate");
  }
  return map_fd(env, fd, (size_t)size, "mmap");
}

// attach(name) → ArrayBuffer: an existing segment, at its own size.
static napi_value attach(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  CHECK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  char name[NAME_MAX_BYTES + 2];
  if (!get_name(env, argv[0], name)) return NULL;
  int fd = shm_open(name, O_RDWR, 0600);
  if (fd < 0) return throw_errno(env, errno, "shm_open");
  struct stat st;
  if (fstat(fd, &st) != 0) {
    int err = errno;
    close(fd);
    return throw_errno(env, err, "fstat");
  }
  if (st.st_size <= 0) {
    close(fd);
    return throw_errno(env, EINVAL, "attach (the segment is empty)");
  }
  return map_fd(env, fd, (size_t)st.st_size, "mmap");
}

// unlink(name): removes the name; mappings stay valid until unmapped.
static napi_value unlink_segment(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  CHECK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  char name[NAME_MAX_BYTES + 2];
  if (!get_name(env, argv[0], name)) return NULL;
  if (shm_unlink(name) != 0) return throw_errno(env, errno, "shm_unlink");
  return NULL;
}

/** The address of word `index` of an Int32Array argument, or NULL (with a JS error thrown). */
static int32_t* word_of(napi_env env, napi_value array, napi_value index_value) {
  napi_typedarray_type type;
  size_t length;
  void* data;
  if (napi_get_typedarray_info(env, array, &type, &length, &data, NULL, NULL) != napi_ok || type != napi_int32_array) {
    napi_throw_type_error(env, NULL, "expected an Int32Array");
    return NULL;
  }
  uint32_t index;
  if (napi_get_value_uint32(env, index_value, &index) != napi_ok || index >= length) {
    napi_throw_range_error(env, NULL, "word index out of range");
    return NULL;
  }
  return (int32_t*)data + index;
}

static long futex(int32_t* addr, int op, int32_t value, const struct timespec* timeout) {
  // Not FUTEX_PRIVATE_FLAG: the word is shared with other processes.
  return syscall(SYS_futex, addr, op, value, timeout, NULL, FUTEX_BITSET_MATCH_ANY);
}

// wake(array, index, count) → how many sleepers were woken.
static napi_value wake(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  CHECK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  int32_t* addr = word_of(env, argv[0], argv[1]);
  if (addr == NULL) return NULL;
  int32_t count = INT_MAX;
  napi_valuetype kind;
  CHECK(env, napi_typeof(env, argv[2], &kind));
  if (kind == napi_number) CHECK(env, napi_get_value_int32(env, argv[2], &count));
  if (count < 0) count = INT_MAX;
  long woken = futex(addr, FUTEX_WAKE, count, NULL);
  napi_value result;
  CHECK(env, napi_create_int64(env, woken < 0 ? 0 : woken, &result));
  return result;
}

/** An absolute CLOCK_MONOTONIC deadline `timeout_ms` from now. */
static struct timespec deadline_in(double timeout_ms) {
  struct timespec deadline;
  clock_gettime(CLOCK_MONOTONIC, &deadline);
  double whole = (double)(long long)(timeout_ms / 1000.0);
  deadline.tv_sec += (time_t)whole;
  deadline.tv_nsec += (long)((timeout_ms - whole * 1000.0) * 1e6);
  if (deadline.tv_nsec >= 1000000000L) {
    deadline.tv_sec += 1;
    deadline.tv_nsec -= 1000000000L;
  }
  return deadline;
}

static int outcome_of(long r) {
  if (r == 0) return OUTCOME_OK;
  return errno == EAGAIN ? OUTCOME_NOT_EQUAL : errno == ETIMEDOUT ? OUTCOME_TIMED_OUT : OUTCOME_OK;
}

// wait(array, index, expected, timeoutMs) → 0 woken, 1 not equal, 2 timed out: sleeps on the calling
// thread (the blocking methods, in workers and child processes). timeoutMs < 0: no timeout.
static napi_value wait_sync(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  CHECK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  int32_t* addr = word_of(env, argv[0], argv[1]);
  if (addr == NULL) return NULL;
  int32_t expected;
  double timeout_ms;
  CHECK(env, napi_get_value_int32(env, argv[2], &expected));
  CHECK(env, napi_get_value_double(env, argv[3], &timeout_ms));
  struct timespec deadline;
  if (timeout_ms >= 0) deadline = deadline_in(timeout_ms);
  long r;
  // A signal (EINTR) is not a wake-up: sleep again until the deadline.
  do r = futex(addr, FUTEX_WAIT_BITSET, expected, timeout_ms >= 0 ? &deadline : NULL);
  while (r != 0 && errno == EINTR);
  napi_value result;
  CHECK(env, napi_create_int32(env, outcome_of(r), &result));
  return result;
}

// ---- Async waits: a pool of helper threads sleeps in FUTEX_WAIT for the event loop, which is never
// blocked; each outcome comes back through a thread-safe function.

typedef struct job {
  struct job* next;
  uint32_t id;
  int32_t* addr;
  int32_t expected;
  int timed;
  struct timespec deadline; /* absolute, CLOCK_MONOTONIC */
  napi_deferred deferred;
  napi_ref keep; /* the Int32Array, so its memory stays mapped while a thread sleeps on it */
  int outcome;
  int running;
  struct job* run_next;
} job_t;

typedef struct {
  napi_env env;
  napi_threadsafe_function tsfn;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  job_t* head;
  job_t* tail;
  job_t* running; /* jobs a thread has taken, for the wake at teardown */
  int idle;   /* threads waiting for a job */
  int queued; /* jobs not taken yet: more than idle threads means a new thread */
  int threads;
  int pending;
  int closing;
  uint32_t next_id;
  pthread_t* tids;
  int tid_capacity;
} pool_t;

static void* pool_thread(void* arg) {
  pool_t* pool = (pool_t*)arg;
  for (;;) {
    pthread_mutex_lock(&pool->mu);
    while (pool->head == NULL && !pool->closing) {
      pool->idle++;
      pthread_cond_wait(&pool->cv, &pool->mu);
      pool->idle--;
    }
    if (pool->head == NULL) {
      pthread_mutex_unlock(&pool->mu);
      return NULL;
    }
    job_t* job = pool->head;
    pool->head = job->next;
    if (pool->head == NULL) pool->tail = NULL;
    pool->queued--;
    job->running = 1;
    job->run_next = pool->running;
    pool->running = job;
    int closing = pool->closing;
    pthread_mutex_unlock(&pool->mu);

    int outcome = OUTCOME_OK;
    if (!closing) outcome = outcome_of(futex(job->addr, FUTEX_WAIT_BITSET, job->expected, job->timed ? &job->deadline : NULL));
    job->outcome = outcome;

    pthread_mutex_lock(&pool->mu);
    for (job_t** at = &pool->running; *at != NULL; at = &(*at)->run_next) {
      if (*at == job) {
        *at = job->run_next;
        break;
      }
    }
    job->running = 0;
    pthread_mutex_unlock(&pool->mu);
    // After teardown began the thread-safe function may refuse; the queue's drain frees the job then.
    if (napi_call_threadsafe_function(pool->tsfn, job, napi_tsfn_blocking) != napi_ok) free(job);
  }
}

static void deliver(napi_env env, napi_value callback, void* context, void* data) {
  (void)callback;
  pool_t* pool = (pool_t*)context;
  job_t* job = (job_t*)data;
  if (env != NULL) {
    napi_value outcome;
    napi_create_int32(env, job->outcome, &outcome);
    napi_resolve_deferred(env, job->deferred, outcome);
    napi_delete_reference(env, job->keep);
    if (--pool->pending == 0) napi_unref_threadsafe_function(env, pool->tsfn);
  }
  free(job);
}

static void pool_teardown(void* arg) {
  pool_t* pool = (pool_t*)arg;
  pthread_mutex_lock(&pool->mu);
  pool->closing = 1;
  pthread_cond_broadcast(&pool->cv);
  pthread_mutex_unlock(&pool->mu);
  // A thread may be between taking its job and sleeping: wake its word again until it has left
  // (bounded: 2 s; a thread still asleep after that is left behind rather than hang the exit).
  int joinable = 0;
  for (int tries = 0; tries < 2000; tries++) {
    pthread_mutex_lock(&pool->mu);
    for (job_t* job = pool->running; job != NULL; job = job->run_next) futex(job->addr, FUTEX_WAKE, INT_MAX, NULL);
    int busy = pool->running != NULL;
    pthread_mutex_unlock(&pool->mu);
    if (!busy) {
      joinable = 1;
      break;
    }
    usleep(1000);
  }
  if (joinable) {
    for (int i = 0; i < pool->threads; i++) pthread_join(pool->tids[i], NULL);
  } else {
    for (int i = 0; i < pool->threads; i++) pthread_detach(pool->tids[i]);
  }
  napi_release_threadsafe_function(pool->tsfn, napi_tsfn_abort);
  // Jobs still queued were never started: nothing sleeps on them.
  for (job_t* job = pool->head; job != NULL;) {
    job_t* next = job->next;
    free(job);
    job = next;
  }
  if (joinable) {
    free(pool->tids);
    pthread_mutex_destroy(&pool->mu);
    pthread_cond_destroy(&pool->cv);
    free(pool);
  }
}

static pool_t* pool_of(napi_env env) {
  pool_t* pool = NULL;
  napi_get_instance_data(env, (void**)&pool);
  if (pool != NULL) return pool;
  pool = calloc(1, sizeof *pool);
  if (pool == NULL) return NULL;
  pool->env = env;
  pthread_mutex_init(&pool->mu, NULL);
  pthread_cond_init(&pool->cv, NULL);
  napi_value name;
  napi_create_string_utf8(env, "parlab-shm-wait", NAPI_AUTO_LENGTH, &name);
  if (napi_create_threadsafe_function(env, NULL, NULL, name, 0, 1, NULL, NULL, pool, deliver, &pool->tsfn) != napi_ok) {
    free(pool);
    return NULL;
  }
  napi_unref_threadsafe_function(env, pool->tsfn);
  napi_set_instance_data(env, pool, NULL, NULL);
  napi_add_env_cleanup_hook(env, pool_teardown, pool);
  return pool;
}

// waitAsync(array, index, expected, timeoutMs) → 1 (not-equal) at once, or [a Promise of 0 ok / 2 timed-out
// (or 1 when the word changed before the helper thread slept), the wait's id for cancel()]. timeoutMs < 0: no timeout.
static napi_value wait_async(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  CHECK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  int32_t* addr = word_of(env, argv[0], argv[1]);
  if (addr == NULL) return NULL;
  int32_t expected;
  double timeout_ms;
  CHECK(env, napi_get_value_int32(env, argv[2], &expected));
  CHECK(env, napi_get_value_double(env, argv[3], &timeout_ms));
  napi_value result;
  if (__atomic_load_n(addr, __ATOMIC_SEQ_CST) != expected) {
    CHECK(env, napi_create_int32(env, OUTCOME_NOT_EQUAL, &result));
    return result;
  }
  pool_t* pool = pool_of(env);
  job_t* job = calloc(1, sizeof *job);
  if (pool == NULL || job == NULL) {
    free(job);
    napi_throw_error(env, "ENOMEM", "could not start an asynchronous wait");
    return NULL;
  }
  job->addr = addr;
  job->expected = expected;
  if (timeout_ms >= 0) {
    job->timed = 1;
    job->deadline = deadline_in(timeout_ms);
  }
  CHECK(env, napi_create_reference(env, argv[0], 1, &job->keep));
  napi_value promise;
  CHECK(env, napi_create_promise(env, &job->deferred, &promise));
  if (pool->pending++ == 0) napi_ref_threadsafe_function(env, pool->tsfn);

  pthread_mutex_lock(&pool->mu);
  job->id = ++pool->next_id;
  if (job->id == 0) job->id = ++pool->next_id;
  napi_value id;
  CHECK(env, napi_create_array_with_length(env, 2, &result));
  CHECK(env, napi_create_uint32(env, job->id, &id));
  CHECK(env, napi_set_element(env, result, 0, promise));
  CHECK(env, napi_set_element(env, result, 1, id));
  if (pool->tail == NULL) pool->head = job;
  else pool->tail->next = job;
  pool->tail = job;
  // An idle thread that was signalled still counts as idle until it takes a job: compare with
  // the jobs waiting, so that two waits started at once get two threads.
  int start = ++pool->queued > pool->idle;
  if (start && pool->threads == pool->tid_capacity) {
    int capacity = pool->tid_capacity == 0 ? 4 : pool->tid_capacity * 2;
    pthread_t* grown = realloc(pool->tids, (size_t)capacity * sizeof *grown);
    if (grown != NULL) {
      pool->tids = grown;
      pool->tid_capacity = capacity;
    } else start = 0;
  }
  if (start) {
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 64 * 1024);
    if (pthread_create(&pool->tids[pool->threads], &attr, pool_thread, pool) == 0) pool->threads++;
    pthread_attr_destroy(&attr);
  }
  pthread_cond_signal(&pool->cv);
  pthread_mutex_unlock(&pool->mu);
  return result;
}

// cancel(id): ends wait `id` early; its promise then resolves 0, as if woken (the caller re-checks
// why). A wake that does not change the word can be missed by a thread not yet asleep, so this
// wakes the word until the thread has left its wait (microseconds; bounded at 1 s).
static napi_value cancel(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  CHECK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  uint32_t id;
  CHECK(env, napi_get_value_uint32(env, argv[0], &id));
  pool_t* pool = NULL;
  napi_get_instance_data(env, (void**)&pool);
  if (pool == NULL) return NULL;
  pthread_mutex_lock(&pool->mu);
  for (job_t** at = &pool->head; *at != NULL; at = &(*at)->next) {
    job_t* job = *at;
    if (job->id != id) continue;
    // Not started: answer it here.
    *at = job->next;
    pool->queued--;
    if (pool->tail == job) {
      pool->tail = NULL;
      for (job_t* last = pool->head; last != NULL; last = last->next) pool->tail = last;
    }
    pthread_mutex_unlock(&pool->mu);
    job->outcome = OUTCOME_OK;
    deliver(env, NULL, pool, job);
    return NULL;
  }
  for (int tries = 0; tries < 50000; tries++) {
    job_t* running = NULL;
    for (job_t* job = pool->running; job != NULL; job = job->run_next) {
      if (job->id == id) running = job;
    }
    if (running == NULL) break;
    futex(running->addr, FUTEX_WAKE, INT_MAX, NULL);
    pthread_mutex_unlock(&pool->mu);
    struct timespec pause = {0, 20000};
    nanosleep(&pause, NULL);
    pthread_mutex_lock(&pool->mu);
  }
  pthread_mutex_unlock(&pool->mu);
  return NULL;
}

// connect(address, hello) → fd: a Unix stream socket connected to `address` (a leading NUL byte
// means Linux's abstract namespace) that has already written `hello`, so the server learns of this
// peer, and later of its end, even if this process dies right after.
static napi_value connect_hello(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  CHECK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  struct sockaddr_un addr;
  memset(&addr, 0, sizeof addr);
  addr.sun_family = AF_UNIX;
  size_t length = 0;
  char path[sizeof addr.sun_path + 1];
  if (napi_get_value_string_utf8(env, argv[0], path, sizeof path, &length) != napi_ok || length == 0 || length > sizeof addr.sun_path) {
    napi_throw_type_error(env, NULL, "a socket address must be a non-empty string that fits sun_path");
    return NULL;
  }
  memcpy(addr.sun_path, path, length);
  void* hello;
  size_t hello_length;
  if (napi_get_buffer_info(env, argv[1], &hello, &hello_length) != napi_ok) {
    napi_throw_type_error(env, NULL, "hello must be a Buffer");
    return NULL;
  }
  // An abstract name is padded with NULs to the whole of sun_path by libuv (Node 20) and matched
  // byte for byte: try that length first, then the name's own length (what other servers bind).
  socklen_t exact = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + length);
  socklen_t lengths[2] = {path[0] == '\0' ? (socklen_t)sizeof addr : exact, exact};
  int fd = -1;
  int err = 0;
  for (int i = 0; i < 2; i++) {
    if (i == 1 && (lengths[1] == lengths[0] || err != ECONNREFUSED)) break;
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return throw_errno(env, errno, "socket");
    int r;
    do r = connect(fd, (struct sockaddr*)&addr, lengths[i]);
    while (r != 0 && errno == EINTR);
    if (r == 0) break;
    err = errno;
    close(fd);
    fd = -1;
  }
  if (fd < 0) return throw_errno(env, err, "connect");
  size_t written = 0;
  while (written < hello_length) {
    ssize_t n = write(fd, (char*)hello + written, hello_length - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      err = errno;
      close(fd);
      return throw_errno(env, err, "write");
    }
    written += (size_t)n;
  }
  napi_value result;
  CHECK(env, napi_create_int32(env, fd, &result));
  return result;
}

static napi_value init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      {"create", NULL, create, NULL, NULL, NULL, napi_default, NULL},
      {"attach", NULL, attach, NULL, NULL, NULL, napi_default, NULL},
      {"unlink", NULL, unlink_segment, NULL, NULL, NULL, napi_default, NULL},
      {"wake", NULL, wake, NULL, NULL, NULL, napi_default, NULL},
      {"wait", NULL, wait_sync, NULL, NULL, NULL, napi_default, NULL},
      {"waitAsync", NULL, wait_async, NULL, NULL, NULL, napi_default, NULL},
      {"cancel", NULL, cancel, NULL, NULL, NULL, napi_default, NULL},
      {"connect", NULL, connect_hello, NULL, NULL, NULL, napi_default, NULL},
  };
  if (napi_define_properties(env, exports, sizeof props / sizeof props[0], props) != napi_ok) return NULL;
  return exports;
}

NAPI_MODULE_INIT() { return init(env, exports); }
