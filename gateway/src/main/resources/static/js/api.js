// The gateway's API, called with the session cookie (same origin; reads need no CSRF token, writes
// send the session's, as /signed-in gives it).

export class ApiError extends Error {
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}

export function query(path, params = {}) {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
        if (value !== undefined && value !== null && value !== '') {
            search.set(name, value);
        }
    }
    const text = search.toString();
    return text ? `${path}?${text}` : path;
}

/** GET a JSON resource; a 401 (the session ended) sends the browser to the login page. */
export function getJson(path, params) {
    return answer(query(path, params), {headers: {Accept: 'application/json'}});
}

/** POST or PUT a JSON body with the session's CSRF token; the answer's JSON, or null when it has none. */
export async function sendJson(method, path, body) {
    const {csrf} = await answer('/signed-in', {headers: {Accept: 'application/json'}});
    const headers = {Accept: 'application/json', 'Content-Type': 'application/json'};
    if (csrf) {
        headers[csrf.headerName] = csrf.token;
    }
    return answer(path, {method, headers, body: JSON.stringify(body)});
}

async function answer(url, init) {
    let response;
    try {
        response = await fetch(url, {...init, credentials: 'same-origin'});
    } catch (unreachable) {
        throw new ApiError(0, 'The gateway could not be reached. Check that Rapport is running, then reload.');
    }
    if (response.status === 401) {
        signInAgain();
        throw new ApiError(401, 'Your session has ended. Taking you to the sign-in page…');
    }
    if (!response.ok) {
        throw new ApiError(response.status, await problemText(response));
    }
    const text = await response.text();
    return text ? JSON.parse(text) : null;
}

export function signInAgain() {
    window.location.assign('/login');
}

/** An RFC 9457 problem in one readable sentence, naming the fields that were wrong. */
async function problemText(response) {
    let problem = null;
    try {
        problem = await response.json();
    } catch (notJson) {
        // a proxy's HTML error page: the status says enough
    }
    const title = problem?.title ?? response.statusText ?? 'Request failed';
    const detail = problem?.detail ? `: ${problem.detail}` : '';
    const fields = Array.isArray(problem?.errors)
        ? problem.errors.map(error => ` ${error.field ?? error.pointer ?? ''} ${error.message ?? error.detail ?? ''}`).join(';')
        : '';
    return `${title} (${response.status})${detail}${fields}`;
}
