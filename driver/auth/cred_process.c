/* cred_process.c - credentials printed by a program: a profile's
 * credential_process, or AuthenticationType=External Credentials
 * (ExecutablePath + ArgumentList). The program runs without a shell
 * (posix_spawnp), with stdin from /dev/null, for at most a bounded time; its
 * standard output must be the credential_process JSON document. */
#include "cred_sources.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

extern char **environ;

#define OUT_MAX (1024 * 1024)
#define ERR_KEEP 300

/* ---- command line splitting ---- */

void cred_argv_free(char **argv)
{
    if (!argv)
        return;
    for (char **a = argv; *a; a++)
        secret_free(*a);
    free(argv);
}

static bool push_word(char ***argv, size_t *n, size_t *cap, strbuf *w)
{
    if (*n + 2 > *cap) {
        size_t nc = *cap ? *cap * 2 : 8;
        char **na = realloc(*argv, nc * sizeof *na);
        if (!na)
            return false;
        *argv = na;
        *cap = nc;
    }
    char *s = w->data ? sb_detach(w) : str_dup("");
    if (!s)
        return false;
    (*argv)[(*n)++] = s;
    (*argv)[*n] = NULL;
    return true;
}

char **cred_split_command(const char *cmd, const char *what, athena_error *err)
{
    char **argv = NULL;
    size_t n = 0, cap = 0;
    strbuf w = STRBUF_INIT;
    bool in_word = false;
    const char *p = cmd ? cmd : "";
    const char *problem = NULL;
    while (*p && !problem) {
        char c = *p;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (in_word && !push_word(&argv, &n, &cap, &w))
                goto nomem;
            in_word = false;
            p++;
        } else if (c == '\'') {
            const char *e = strchr(p + 1, '\'');
            if (!e) {
                problem = "a single quote is not closed";
                break;
            }
            sb_append(&w, p + 1, (size_t)(e - p - 1));
            in_word = true;
            p = e + 1;
        } else if (c == '"') {
            p++;
            in_word = true;
            for (;;) {
                if (!*p) {
                    problem = "a double quote is not closed";
                    break;
                }
                if (*p == '"') {
                    p++;
                    break;
                }
                if (*p == '\\' && (p[1] == '$' || p[1] == '`' || p[1] == '"' || p[1] == '\\' ||
                                   p[1] == '\n')) {
                    if (p[1] != '\n')
                        sb_appendc(&w, p[1]);
                    p += 2;
                    continue;
                }
                sb_appendc(&w, *p++);
            }
        } else if (c == '\\') {
            if (!p[1]) {
                problem = "it ends with a backslash";
                break;
            }
            if (p[1] != '\n') {
                sb_appendc(&w, p[1]);
                in_word = true;
            }
            p += 2;
        } else {
            sb_appendc(&w, c);
            in_word = true;
            p++;
        }
    }
    if (problem) {
        sb_free(&w);
        cred_argv_free(argv);
        ae_set(err, AE_AUTH, 0, "%s: the command cannot be parsed: %s", what, problem);
        return NULL;
    }
    if (in_word && !push_word(&argv, &n, &cap, &w))
        goto nomem;
    if (w.oom)
        goto nomem;
    sb_free(&w);
    if (n == 0) {
        cred_argv_free(argv);
        ae_set(err, AE_AUTH, 0, "%s: the command is empty", what);
        return NULL;
    }
    return argv;
nomem:
    sb_free(&w);
    cred_argv_free(argv);
    ae_set(err, AE_NOMEM, 0, "Out of memory");
    return NULL;
}

/* ---- running ---- */

static double mono_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Keeps the first line of the program's standard error, printable only. */
static void first_line(const char *s, size_t n, char *out, size_t outn)
{
    size_t j = 0;
    size_t i = 0;
    while (i < n && (s[i] == '\n' || s[i] == '\r' || s[i] == ' '))
        i++;
    for (; i < n && j + 1 < outn; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n' || c == '\r')
            break;
        out[j++] = (c < 0x20 || c == 0x7f) ? ' ' : (char)c;
    }
    out[j] = '\0';
}

int cred_process_run(char *const *argv, const char *what, int timeout_s, aws_credentials *out,
                     athena_error *err)
{
    int outp[2] = {-1, -1}, errp[2] = {-1, -1};
    if (pipe2(outp, O_CLOEXEC) != 0 || pipe2(errp, O_CLOEXEC) != 0) {
        int e = errno;
        if (outp[0] >= 0) {
            close(outp[0]);
            close(outp[1]);
        }
        return ae_set(err, AE_AUTH, 0, "%s: cannot create a pipe: %s", what, strerror(e));
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, outp[1], 1);
    posix_spawn_file_actions_adddup2(&fa, errp[1], 2);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    /* the child starts with default signal dispositions and an empty mask */
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &all);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    pid_t pid = -1;
    int src = posix_spawnp(&pid, argv[0], &fa, &attr, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    close(outp[1]);
    close(errp[1]);
    if (src != 0) {
        close(outp[0]);
        close(errp[0]);
        return ae_set(err, AE_AUTH, 0, "%s: cannot run %s: %s", what, argv[0], strerror(src));
    }

    strbuf o = STRBUF_INIT;
    char errbuf[ERR_KEEP];
    size_t errlen = 0;
    bool too_big = false, timed_out = false;
    double deadline = mono_now() + timeout_s;
    struct pollfd fds[2] = {{outp[0], POLLIN, 0}, {errp[0], POLLIN, 0}};
    int open_fds = 2;
    while (open_fds > 0) {
        double left = deadline - mono_now();
        if (left <= 0) {
            timed_out = true;
            break;
        }
        int pr = poll(fds, 2, (int)(left * 1000) + 1);
        if (pr < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            char buf[4096];
            ssize_t r = read(fds[i].fd, buf, sizeof buf);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0) {
                close(fds[i].fd);
                fds[i].fd = -1;
                open_fds--;
                continue;
            }
            if (i == 0) {
                if (o.len + (size_t)r > OUT_MAX)
                    too_big = true;
                else
                    sb_append(&o, buf, (size_t)r);
            } else if (errlen < sizeof errbuf) {
                size_t k = (size_t)r < sizeof errbuf - errlen ? (size_t)r : sizeof errbuf - errlen;
                memcpy(errbuf + errlen, buf, k);
                errlen += k;
            }
            explicit_bzero(buf, sizeof buf);
        }
        if (too_big)
            break;
    }
    for (int i = 0; i < 2; i++)
        if (fds[i].fd >= 0)
            close(fds[i].fd);
    if (timed_out || too_big)
        kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    int rc = 0;
    char line[ERR_KEEP + 1];
    first_line(errbuf, errlen, line, sizeof line);
    if (timed_out) {
        rc = ae_set(err, AE_AUTH, 0, "%s: %s did not finish within %d seconds", what, argv[0],
                    timeout_s);
    } else if (too_big) {
        rc = ae_set(err, AE_AUTH, 0, "%s: %s printed more than %d bytes", what, argv[0], OUT_MAX);
    } else if (WIFSIGNALED(status)) {
        rc = ae_set(err, AE_AUTH, 0, "%s: %s was killed by signal %d%s%s", what, argv[0],
                    WTERMSIG(status), line[0] ? ": " : "", line);
    } else if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
        if (WEXITSTATUS(status) == 127 && errlen == 0)
            rc = ae_set(err, AE_AUTH, 0, "%s: %s could not be run (exit status 127)", what, argv[0]);
        else
            rc = ae_set(err, AE_AUTH, 0, "%s: %s exited with status %d%s%s", what, argv[0],
                        WEXITSTATUS(status), line[0] ? ": " : "", line);
    } else {
        rc = 0;
    }
    if (rc == 0) {
        /* the credential_process document: Version 1 */
        json_error_t je;
        json_t *root = json_loadb(o.data ? o.data : "", o.len, 0, &je);
        if (!root) {
            rc = ae_set(err, AE_AUTH, 0,
                        "%s: %s did not print valid JSON (line %d, column %d)", what, argv[0],
                        je.line, je.column);
        } else {
            json_t *v = json_is_object(root) ? json_object_get(root, "Version") : NULL;
            if (!json_is_object(root))
                rc = ae_set(err, AE_AUTH, 0, "%s: %s did not print a JSON object", what, argv[0]);
            else if (!json_is_integer(v) || json_integer_value(v) != 1)
                rc = ae_set(err, AE_AUTH, 0,
                            "%s: %s printed an unsupported Version (the credential_process "
                            "format needs \"Version\": 1)",
                            what, argv[0]);
            json_decref(root);
        }
        if (rc == 0) {
            char w[400];
            snprintf(w, sizeof w, "%s: %s", what, argv[0]);
            rc = cred_parse_json_credentials(o.data, o.len, "SessionToken", false, w, out, err);
        }
    }
    sb_free_secret(&o);
    explicit_bzero(errbuf, sizeof errbuf);
    return rc;
}

/* ---- the source ---- */

typedef struct process_source {
    cred_source base;
    char **argv;
    char what[200];
} process_source;

static int process_fetch(cred_source *self, aws_credentials *out, athena_error *err)
{
    process_source *s = (process_source *)self;
    return cred_process_run(s->argv, s->what, CRED_PROCESS_TIMEOUT_S, out, err);
}

static void process_destroy(cred_source *self)
{
    process_source *s = (process_source *)self;
    cred_argv_free(s->argv);
    free(s);
}

cred_source *cred_process_source(char **argv, const char *what, athena_error *err)
{
    process_source *s = calloc(1, sizeof *s);
    if (!s) {
        cred_argv_free(argv);
        ae_set(err, AE_NOMEM, 0, "Out of memory");
        return NULL;
    }
    s->argv = argv;
    snprintf(s->what, sizeof s->what, "%s", what);
    s->base.fetch = process_fetch;
    s->base.destroy = process_destroy;
    return &s->base;
}
