/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * src/kernel/workqueue/workqueue_functions.h: the functions of
 * kernel/workqueue.c that are not the kernel's API, declared for cmwq's files
 *
 * In Linux v5.9 these are static functions of one file, kernel/workqueue.c,
 * and need no declaration outside it.  cmwq gives each function a file of its
 * own, so the files that call one another need these declarations.  Only the
 * workqueue's own files (through workqueue_internal.h) and the tests include
 * it; the installed library keeps every one of these names local (the
 * EXPORT_SYMBOL check, scripts/exports.sh).
 */
#ifndef _KERNEL_WORKQUEUE_FUNCTIONS_H
#define _KERNEL_WORKQUEUE_FUNCTIONS_H

/* Pool ids and flush colors */
int worker_pool_assign_id(struct worker_pool *pool);
unsigned long work_color_to_flags(int color);
int get_work_color(struct work_struct *work);
int work_next_color(int color);

/* work->data */
void set_work_data(struct work_struct *work, unsigned long data, unsigned long flags);
void set_work_pwq(struct work_struct *work, struct pool_workqueue *pwq, unsigned long extra_flags);
void set_work_pool_and_clear_pending(struct work_struct *work, int pool_id);
struct pool_workqueue *get_work_pwq(struct work_struct *work);
struct worker_pool *get_work_pool(struct work_struct *work);
int get_work_pool_id(struct work_struct *work);

/* Debug objects */
bool work_is_queued_check(struct work_struct *work);

/* Policy */
bool __need_more_worker(struct worker_pool *pool);
bool need_more_worker(struct worker_pool *pool);
bool may_start_working(struct worker_pool *pool);
bool keep_working(struct worker_pool *pool);
bool need_to_create_worker(struct worker_pool *pool);
bool too_many_workers(struct worker_pool *pool);

/* Waking workers, scheduler hooks */
struct worker *first_idle_worker(struct worker_pool *pool);
void wake_up_worker(struct worker_pool *pool);
void wq_worker_running(struct task_struct *task);
void wq_worker_sleeping(struct task_struct *task);
work_func_t wq_worker_last_func(struct task_struct *task);
void worker_set_flags(struct worker *worker, unsigned int flags);
void worker_clr_flags(struct worker *worker, unsigned int flags);

/* Busy hash, linked works, pwq references and accounting */
struct worker *find_worker_executing_work(struct worker_pool *pool, struct work_struct *work);
void move_linked_works(struct work_struct *work, struct list_head *head,
		       struct work_struct **nextp);
void get_pwq(struct pool_workqueue *pwq);
void put_pwq(struct pool_workqueue *pwq);
void put_pwq_unlocked(struct pool_workqueue *pwq);
void pwq_activate_delayed_work(struct work_struct *work);
void pwq_activate_first_delayed(struct pool_workqueue *pwq);
void pwq_dec_nr_in_flight(struct pool_workqueue *pwq, int color);

/* Queueing */
void insert_work(struct pool_workqueue *pwq, struct work_struct *work, struct list_head *head,
		 unsigned int extra_flags);
bool is_chained_work(struct workqueue_struct *wq);
void __queue_work(int cpu, struct workqueue_struct *wq, struct work_struct *work);
void rcu_work_rcufn(struct rcu_head *rcu);

/* Unbound workqueues and NUMA: queueing near a node, the unbound cpumask, node updates */
int workqueue_select_cpu_near(int node);
void wq_update_unbound_numa(struct workqueue_struct *wq, int cpu, bool online);
int workqueue_apply_unbound_cpumask(void);

/* Workers */
void worker_enter_idle(struct worker *worker);
void worker_leave_idle(struct worker *worker);
struct worker *alloc_worker(int node);
void worker_attach_to_pool(struct worker *worker, struct worker_pool *pool);
void worker_detach_from_pool(struct worker *worker);
struct worker *create_worker(struct worker_pool *pool);
void destroy_worker(struct worker *worker);
void idle_worker_timeout(struct timer_list *t);
void send_mayday(struct work_struct *work);
void pool_mayday_timeout(struct timer_list *t);
void maybe_create_worker(struct worker_pool *pool);
bool manage_workers(struct worker *worker);

/* Executing */
void process_one_work(struct worker *worker, struct work_struct *work);
void process_scheduled_works(struct worker *worker);
void set_pf_worker(bool val);
int worker_thread(void *__worker);

/* Flushing */
void wq_barrier_func(struct work_struct *work);
void insert_wq_barrier(struct pool_workqueue *pwq, struct wq_barrier *barr,
		       struct work_struct *target, struct worker *worker);
void check_flush_dependency(struct workqueue_struct *target_wq, struct work_struct *target_work);
bool flush_workqueue_prep_pwqs(struct workqueue_struct *wq, int flush_color, int work_color);
bool start_flush_work(struct work_struct *work, struct wq_barrier *barr, bool from_cancel);
bool __flush_work(struct work_struct *work, bool from_cancel);

/* Canceling and delayed work (the PENDING protocol) */
void set_work_pool_and_keep_pending(struct work_struct *work, int pool_id);
void clear_work_data(struct work_struct *work);
void mark_work_canceling(struct work_struct *work);
bool work_is_canceling(struct work_struct *work);
int try_to_grab_pending(struct work_struct *work, bool is_dwork, unsigned long *flags);
void __queue_delayed_work(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork,
			  unsigned long delay);
int cwt_wakefn(wait_queue_entry_t *wait, unsigned mode, int sync, void *key);
bool __cancel_work_timer(struct work_struct *work, bool is_dwork);
bool __cancel_work(struct work_struct *work, bool is_dwork);

/* Attributes, pools, pwqs, workqueues */
/* alloc_workqueue_attrs(), free_workqueue_attrs(): API, in <linux/workqueue.h> */
int init_worker_pool(struct worker_pool *pool);
void rcu_free_wq(struct rcu_head *rcu);
/* workqueue_set_max_active(): API, in <linux/workqueue.h> */
void pwq_adjust_max_active(struct pool_workqueue *pwq);
void init_pwq(struct pool_workqueue *pwq, struct workqueue_struct *wq, struct worker_pool *pool);
void link_pwq(struct pool_workqueue *pwq);
int alloc_and_link_pwqs(struct workqueue_struct *wq);
int wq_clamp_max_active(int max_active, unsigned int flags, const char *name);
bool pwq_busy(struct pool_workqueue *pwq);

/* Unbound workqueues: attrs, unbound pools and pwqs, applying attrs */
struct apply_wqattrs_ctx;
int wq_select_unbound_cpu(int cpu);
struct pool_workqueue *unbound_pwq_by_node(struct workqueue_struct *wq, int node);
void copy_workqueue_attrs(struct workqueue_attrs *to, const struct workqueue_attrs *from);
u32 wqattrs_hash(const struct workqueue_attrs *attrs);
bool wqattrs_equal(const struct workqueue_attrs *a, const struct workqueue_attrs *b);
void rcu_free_pool(struct rcu_head *rcu);
bool wq_manager_inactive(struct worker_pool *pool);
void put_unbound_pool(struct worker_pool *pool);
struct worker_pool *get_unbound_pool(const struct workqueue_attrs *attrs);
void rcu_free_pwq(struct rcu_head *rcu);
void pwq_unbound_release_workfn(struct work_struct *work);
struct pool_workqueue *alloc_unbound_pwq(struct workqueue_struct *wq,
					 const struct workqueue_attrs *attrs);
bool wq_calc_node_cpumask(const struct workqueue_attrs *attrs, int node, int cpu_going_down,
			  struct cpumask *cpumask);
struct pool_workqueue *numa_pwq_tbl_install(struct workqueue_struct *wq, int node,
					    struct pool_workqueue *pwq);
void apply_wqattrs_cleanup(struct apply_wqattrs_ctx *ctx);
struct apply_wqattrs_ctx *apply_wqattrs_prepare(struct workqueue_struct *wq,
						const struct workqueue_attrs *attrs);
void apply_wqattrs_commit(struct apply_wqattrs_ctx *ctx);
void apply_wqattrs_lock(void);
void apply_wqattrs_unlock(void);
int apply_workqueue_attrs_locked(struct workqueue_struct *wq, const struct workqueue_attrs *attrs);
void wq_numa_init(void);

/* Helpers: running a function on a given CPU */
void work_for_cpu_fn(struct work_struct *work);

#endif /* _KERNEL_WORKQUEUE_FUNCTIONS_H */
